//! The comparison of two rounds as a PDF: the [`CompareView`] as a sequence of [`Block`]s, in
//! the same order as the HTML: cover and the rounds, summary, sections, changes that need
//! attention, indicators by section, the previous round's actions, the plan's follow-up, the
//! rules, provenance.

use super::blocks::{
    ALERT_SHADE, band_cell, cell, column, contents, heading, lower_first, paragraph, rgb, right, tool_rows,
};
use super::{Block, Cell, Document, Rgb, Row, Table, TextStyle};
use crate::i18n::Labels;
use crate::report::ScoreView;
use crate::report::compare::{ChangeView, CompareView, IndicatorRef, RoundView};

/// Rows that are not directly comparable are shaded grey; rows that got worse, and actions
/// still open, take the shared [`ALERT_SHADE`].
const NOT_COMPARABLE_SHADE: Rgb = Rgb(0xf1, 0xf3, 0xf6);

/// The whole comparison as a document for the PDF engine.
pub fn document(view: &CompareView) -> Document {
    let labels = &view.labels;
    let mut blocks = Vec::new();
    cover(view, &mut blocks);
    blocks.extend(contents(labels));
    summary(view, &mut blocks);
    sections(view, &mut blocks);
    attention(view, &mut blocks);
    indicators(view, &mut blocks);
    actions(view, &mut blocks);
    plan_actions(view, &mut blocks);
    rules(view, &mut blocks);
    provenance(view, &mut blocks);
    Document {
        title: format!("{}: {}", labels.get("compare_kicker"), view.cover.title),
        author: view.cover.organisation.clone(),
        subject: format!("{}: {}", labels.get("compare_kicker"), view.cover.organisation),
        date: view.provenance.report_date.0,
        lang: view.lang.clone(),
        footer_left: view.cover.organisation.clone(),
        page_label: labels.get("page_of").to_owned(),
        marks: Default::default(),
        blocks,
    }
}

/// "67.3 C", "54.2 (provisional)" or "—".
fn score_short(score: &ScoreView, labels: &Labels) -> String {
    match &score.band {
        Some(band) => format!("{} {}", score.text, band.code),
        None if score.provisional => format!("{} ({})", score.text, labels.get("label_provisional")),
        None => score.text.clone(),
    }
}

/// "▲ +6.1", "= 0.0", or "—" when there is nothing to compare.
fn change_text(change: &ChangeView) -> String {
    if change.direction == "undetermined" {
        change.change.clone()
    } else {
        format!("{} {}", change.arrow, change.change)
    }
}

/// The change, its direction in words and, when not comparable, why.
fn change_note(change: &ChangeView, labels: &Labels) -> String {
    let mut text = change.direction_label.clone();
    if !change.comparable {
        text.push_str(&format!(
            "\n{}: {}",
            labels.get("compare_not_comparable"),
            change.reasons.join("; ")
        ));
    }
    text
}

fn shade(change: &ChangeView) -> Option<Rgb> {
    (!change.comparable).then_some(NOT_COMPARABLE_SHADE)
}

fn round_text(round: &RoundView, labels: &Labels) -> String {
    let mut lines = vec![format!(
        "{} · {} {}",
        round.assessed_on,
        labels.get("label_version").to_lowercase(),
        round.checklist_version
    )];
    if let Some(period) = &round.period {
        lines.push(format!("{}: {period}", labels.get("label_period")));
    }
    if !round.assessors.is_empty() {
        let names: Vec<&str> = round.assessors.iter().map(|a| a.name.as_str()).collect();
        lines.push(format!("{}: {}", labels.get("label_assessors"), names.join(", ")));
    }
    lines.push(round.answers_file.clone());
    lines.join("\n")
}

fn cover(view: &CompareView, blocks: &mut Vec<Block>) {
    let (cover, labels) = (&view.cover, &view.labels);
    blocks.push(Block::Title {
        text: cover.title.clone(),
        subtitle: Some(labels.get("compare_kicker").to_owned()),
    });
    blocks.push(Block::KeyValues(vec![
        (
            labels.get("label_organisation").to_owned(),
            cover.organisation.clone(),
        ),
        (
            labels.get("label_checklist").to_owned(),
            cover.checklist_id.clone(),
        ),
        (
            labels.get("compare_previous").to_owned(),
            round_text(&cover.old, labels),
        ),
        (
            labels.get("compare_current").to_owned(),
            round_text(&cover.new, labels),
        ),
        (
            labels.get("label_report_date").to_owned(),
            cover.report_date.clone(),
        ),
    ]));
    blocks.push(Block::Spacer(4.0));
    let overall = &view.overall;
    let (code, colour) = match &overall.new.band {
        Some(band) => (band.code.clone(), rgb(&band.colour)),
        None => ("—".to_owned(), Rgb(0x9e, 0x9e, 0x9e)),
    };
    blocks.push(Block::Badge {
        code,
        label: format!(
            "{}: {} → {} · {} {} ({})",
            labels.get("overall_score"),
            score_short(&overall.old, labels),
            score_short(&overall.new, labels),
            labels.get("compare_label_change"),
            change_text(overall),
            overall.direction_label.to_lowercase()
        ),
        colour,
    });
    if cover.version_changed {
        blocks.push(paragraph(
            labels.fill(
                "compare_version_note",
                &[
                    ("old", &cover.old.checklist_version),
                    ("new", &cover.new.checklist_version),
                ],
            ),
            TextStyle::Bold,
        ));
    }
    if cover.organisation_differs {
        blocks.push(paragraph(
            labels.fill(
                "compare_organisation_note",
                &[("old", &cover.old.organisation), ("new", &cover.new.organisation)],
            ),
            TextStyle::Muted,
        ));
    }
}

fn summary(view: &CompareView, blocks: &mut Vec<Block>) {
    let (counts, labels) = (&view.counts, &view.labels);
    blocks.push(heading(1, labels.get("compare_heading_summary")));
    blocks.push(heading(2, labels.get("compare_heading_counts")));
    let mut facts = vec![
        ("compare_direction_improved", counts.improved),
        ("compare_direction_declined", counts.declined),
        ("compare_direction_unchanged", counts.unchanged),
        ("compare_direction_undetermined", counts.undetermined),
        ("compare_pass_newly-failing", counts.newly_failing),
        ("compare_pass_newly-passing", counts.newly_passing),
        ("compare_heading_critical_new", counts.critical_new),
        ("compare_heading_critical_resolved", counts.critical_resolved),
        ("compare_heading_critical_persisting", counts.critical_persisting),
        ("compare_count_actions_open", counts.actions_still_open),
    ];
    if view.cover.version_changed {
        facts.push(("compare_count_not_comparable", counts.not_comparable));
    }
    blocks.push(Block::KeyValues(
        facts
            .into_iter()
            .map(|(key, count)| (labels.get(key).to_owned(), count.to_string()))
            .collect(),
    ));
}

fn sections(view: &CompareView, blocks: &mut Vec<Block>) {
    let labels = &view.labels;
    blocks.push(heading(1, labels.get("compare_heading_sections")));
    let mut rows = vec![Row {
        cells: vec![
            cell(""),
            Cell {
                text: labels.get("overall_score").to_owned(),
                bold: true,
                colour: None,
            },
            band_score(&view.overall.old, labels),
            band_score(&view.overall.new, labels),
            cell(change_text(&view.overall)),
            cell(change_note(&view.overall, labels)),
        ],
        shade: shade(&view.overall),
        note: None,
    }];
    rows.extend(view.sections.iter().map(|s| Row {
        cells: vec![
            cell(s.number.clone()),
            cell(format!("{}{}", "   ".repeat(s.depth - 1), s.title)),
            band_score(&s.change.old, labels),
            band_score(&s.change.new, labels),
            cell(change_text(&s.change)),
            cell(change_note(&s.change, labels)),
        ],
        shade: shade(&s.change),
        note: None,
    }));
    blocks.push(Block::Table(Table {
        columns: vec![
            column(labels.get("label_number"), 0.5),
            column(labels.get("label_section"), 3.2),
            column(labels.get("compare_previous"), 1.2),
            column(labels.get("compare_current"), 1.2),
            right(labels.get("compare_label_change"), 0.9),
            column(labels.get("compare_label_notes"), 1.6),
        ],
        rows,
    }));
}

/// A score in a band-coloured cell: "67.3 C", "54.2 (provisional)" or "—".
fn band_score(score: &ScoreView, labels: &Labels) -> Cell {
    match &score.band {
        Some(_) => Cell {
            text: score_short(score, labels),
            ..band_cell(score.band.as_ref())
        },
        None => cell(score_short(score, labels)),
    }
}

fn attention(view: &CompareView, blocks: &mut Vec<Block>) {
    let (attention, labels) = (&view.attention, &view.labels);
    blocks.push(heading(1, labels.get("compare_heading_attention")));
    let lists: [(&str, &[IndicatorRef], Option<&str>); 6] = [
        (
            "compare_heading_critical_new",
            &attention.critical_new,
            Some("compare_none_critical_new"),
        ),
        (
            "compare_heading_newly_failing",
            &attention.newly_failing,
            Some("compare_none_newly_failing"),
        ),
        (
            "compare_heading_critical_persisting",
            &attention.critical_persisting,
            None,
        ),
        (
            "compare_heading_critical_dropped",
            &attention.critical_dropped,
            None,
        ),
        (
            "compare_heading_critical_resolved",
            &attention.critical_resolved,
            None,
        ),
        ("compare_heading_newly_passing", &attention.newly_passing, None),
    ];
    for (key, list, when_empty) in lists {
        match (list.is_empty(), when_empty) {
            (true, None) => continue,
            (true, Some(empty)) => {
                blocks.push(heading(2, labels.get(key)));
                blocks.push(paragraph(labels.get(empty), TextStyle::Normal));
            }
            (false, _) => {
                blocks.push(heading(2, labels.get(key)));
                let rows = list
                    .iter()
                    .map(|r| Row {
                        cells: vec![
                            cell(r.id.clone()),
                            cell(format!("{}\n{}", r.text, r.section)),
                            cell(r.old_answer.clone()),
                            cell(r.new_answer.clone()),
                            cell(change_text(&r.change)),
                        ],
                        shade: shade(&r.change),
                        note: None,
                    })
                    .collect();
                blocks.push(Block::Table(Table {
                    columns: answer_columns(labels),
                    rows,
                }));
            }
        }
    }
}

fn answer_columns(labels: &Labels) -> Vec<super::Column> {
    vec![
        column(labels.get("label_id"), 0.7),
        column(labels.get("label_indicator"), 3.0),
        whole(column(labels.get("compare_previous_answer"), 1.3)),
        whole(column(labels.get("compare_current_answer"), 1.3)),
        right(labels.get("compare_label_change"), 1.0),
    ]
}

/// A column of levels, each line kept whole: "2 — Developing", not "2 — Devel-oping".
fn whole(column: super::Column) -> super::Column {
    super::Column {
        whole_lines: true,
        ..column
    }
}

fn indicators(view: &CompareView, blocks: &mut Vec<Block>) {
    let labels = &view.labels;
    blocks.push(Block::PageBreak);
    blocks.push(heading(1, labels.get("compare_heading_indicators")));
    blocks.push(paragraph(
        format!("◆ {}", labels.get("label_critical")),
        TextStyle::Small,
    ));
    for group in &view.groups {
        let only_in = group
            .only_in
            .as_ref()
            .map(|v| format!(" ({v})"))
            .unwrap_or_default();
        blocks.push(heading(
            (group.depth + 1).min(3) as u8,
            format!("{} {}{only_in}", group.number, group.title),
        ));
        if group.rows.is_empty() {
            continue;
        }
        let rows = group
            .rows
            .iter()
            .map(|r| {
                let mut notes = vec![r.pass_label.clone()];
                if r.critical_change != "not-failing" {
                    notes.push(r.critical_label.clone());
                }
                if !r.change.comparable {
                    notes.push(format!(
                        "{}: {}",
                        labels.get("compare_not_comparable"),
                        r.change.reasons.join("; ")
                    ));
                }
                let critical = if r.critical { " ◆" } else { "" };
                let explanation = match (&r.change_note, r.level_changed) {
                    (Some(note), _) => Some(note.clone()),
                    (None, true) => Some(labels.get("compare_no_explanation").to_owned()),
                    (None, false) => None,
                };
                if let Some(explanation) = explanation {
                    notes.insert(
                        0,
                        format!("{}: {explanation}", labels.get("compare_label_explanation")),
                    );
                }
                Row {
                    cells: vec![
                        cell(format!("{}{critical}", r.id)),
                        cell(r.text.clone()),
                        cell(format!(
                            "{}\n{}",
                            r.old_answer,
                            score_short(&r.change.old, labels)
                        )),
                        cell(format!(
                            "{}\n{}",
                            r.new_answer,
                            score_short(&r.change.new, labels)
                        )),
                        cell(change_text(&r.change)),
                    ],
                    shade: shade(&r.change)
                        .or((r.pass == "newly-failing" || r.critical_change == "new").then_some(ALERT_SHADE)),
                    // the explanation and the notes on a line of their own: seven columns do
                    // not fit a portrait page without breaking the level labels
                    note: Some(notes.join(" · ")),
                }
            })
            .collect();
        blocks.push(Block::Table(Table {
            columns: answer_columns(labels),
            rows,
        }));
    }
}

fn actions(view: &CompareView, blocks: &mut Vec<Block>) {
    let labels = &view.labels;
    blocks.push(heading(1, labels.get("compare_heading_actions")));
    if view.actions.is_empty() {
        blocks.push(paragraph(labels.get("compare_no_actions"), TextStyle::Normal));
        return;
    }
    let not_set = labels.get("label_not_set");
    let rows = view
        .actions
        .iter()
        .map(|a| Row {
            cells: vec![
                cell(a.indicator_id.clone()),
                cell(a.text.clone()),
                cell(format!(
                    "{}\n{}",
                    a.owner.as_deref().unwrap_or(not_set),
                    a.due.as_deref().unwrap_or(not_set)
                )),
                cell(format!("{}\n{}", a.status_label, a.reasons.join("; "))),
                cell(a.new_answer.clone()),
            ],
            shade: (a.status == "still-open").then_some(ALERT_SHADE),
            note: None,
        })
        .collect();
    blocks.push(Block::Table(Table {
        columns: vec![
            column(labels.get("label_id"), 0.7),
            column(labels.get("label_action"), 2.6),
            column(
                &format!("{} / {}", labels.get("label_owner"), labels.get("label_due")),
                1.4,
            ),
            column(labels.get("label_status"), 1.9),
            column(labels.get("compare_current_answer"), 1.3),
        ],
        rows,
    }));
}

/// The plan's actions matched by id, overdue first; nothing when neither round has a plan.
fn plan_actions(view: &CompareView, blocks: &mut Vec<Block>) {
    let labels = &view.labels;
    if view.plan_actions.is_empty() {
        return;
    }
    blocks.push(heading(1, labels.get("compare_heading_plan")));
    blocks.push(paragraph(labels.get("compare_plan_rule"), TextStyle::Muted));
    let not_set = labels.get("label_not_set");
    let rows = view
        .plan_actions
        .iter()
        .map(|a| {
            let mut action = format!("{} {}", a.id, a.title);
            if let Some(unit) = &a.unit {
                action.push_str(&format!("\n{unit}"));
            }
            action.push_str(&format!(
                "\n{}: {}",
                labels.get("label_due"),
                a.due.as_deref().unwrap_or(not_set)
            ));
            let mut status = format!("{}\n{} → {}", a.outcome_label, a.old_status, a.new_status);
            if let Some(completed) = &a.completed {
                status.push_str(&format!("\n{}: {completed}", labels.get("plan_completed")));
            }
            if let Some(reason) = &a.dropped_reason {
                status.push_str(&format!("\n{}: {reason}", labels.get("plan_dropped_reason")));
            }
            let moves: Vec<String> = a
                .indicators
                .iter()
                .map(|i| {
                    let caveat = if i.comparable {
                        String::new()
                    } else {
                        format!(" (≠ {})", labels.get("compare_not_comparable"))
                    };
                    format!("{} {}\n{}{caveat}", i.id, i.scores, i.direction_label)
                })
                .collect();
            Row {
                cells: vec![cell(action), cell(status), cell(moves.join("\n"))],
                shade: (a.outcome == "overdue").then_some(ALERT_SHADE),
                note: None,
            }
        })
        .collect();
    blocks.push(Block::Table(Table {
        columns: vec![
            column(labels.get("label_action"), 2.3),
            column(labels.get("compare_plan_statuses"), 1.5),
            column(labels.get("compare_plan_indicators"), 2.2),
        ],
        rows,
    }));
}

fn rules(view: &CompareView, blocks: &mut Vec<Block>) {
    let labels = &view.labels;
    blocks.push(heading(1, labels.get("compare_heading_rules")));
    for key in [
        "compare_rule_change",
        "compare_rule_pass",
        "compare_rule_critical",
        "compare_rule_actions",
        "compare_rule_versions",
    ] {
        blocks.push(paragraph(labels.get(key), TextStyle::Normal));
    }
}

fn provenance(view: &CompareView, blocks: &mut Vec<Block>) {
    let (p, labels) = (&view.provenance, &view.labels);
    blocks.push(heading(1, labels.get("heading_provenance")));
    let mut rows = tool_rows(labels, &p.tool);
    for (key, files) in [("compare_previous", &p.old), ("compare_current", &p.new)] {
        let round = labels.get(key);
        rows.push((
            format!("{round}: {}", lower_first(labels.get("label_checklist"))),
            format!(
                "{} {}\n{}\n{}",
                files.checklist_id, files.checklist_version, files.checklist_file, files.checklist_sha256
            ),
        ));
        rows.push((
            format!("{round}: {}", lower_first(labels.get("label_answers_file"))),
            format!("{}\n{}", files.answers_file, files.answers_sha256),
        ));
    }
    rows.push((labels.get("label_report_date").to_owned(), p.date.clone()));
    blocks.push(Block::KeyValues(rows));
    blocks.push(paragraph(labels.get("provenance_note"), TextStyle::Small));
}
