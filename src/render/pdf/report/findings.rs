//! The findings by section, indicator by indicator.

use crate::i18n::Labels;
use crate::render::pdf::blocks::{bullets, heading, paragraph, score_text};
use crate::render::pdf::{Block, TextStyle};
use crate::report::{ActionView, IndicatorView, ReportView, SectionView};

pub(super) fn findings(view: &ReportView, blocks: &mut Vec<Block>) {
    let labels = &view.labels;
    blocks.push(Block::PageBreak);
    blocks.push(heading(1, labels.get("heading_findings")));
    for section in &view.sections {
        section_findings(section, labels, blocks);
    }
}

fn section_findings(section: &SectionView, labels: &Labels, blocks: &mut Vec<Block>) {
    let level = (section.depth + 1).min(3) as u8;
    blocks.push(heading(level, format!("{} {}", section.number, section.title)));
    blocks.push(paragraph(
        format!(
            "{}: {} · {}: {} ({}) · {}: {} · {}: {}",
            labels.get("label_score"),
            score_text(&section.score, labels),
            labels.get("completeness"),
            section.completeness,
            section.answered,
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
    for info in &section.infos {
        if let Some(heading) = &info.heading {
            blocks.push(paragraph(heading.clone(), TextStyle::Bold));
        }
        blocks.push(paragraph(info.text.clone(), TextStyle::Muted));
    }
    // Indicators and sub-sections in the checklist's order.
    for child in &section.order {
        match child.kind {
            "indicator" => indicator_findings(&section.indicators[child.index], labels, blocks),
            _ => section_findings(&section.sections[child.index], labels, blocks),
        }
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
    if let Some(lowest) = &indicator.lowest {
        facts.push(lowest.clone());
    }
    if !indicator.level.is_empty() {
        facts.push(format!("{}: {}", labels.get("label_answer"), indicator.level));
        facts.push(format!("{}: {}", labels.get("label_score"), indicator.score.text));
    }
    if let Some(rule) = &indicator.criteria_rule {
        facts.push(format!("{}: {rule}", labels.get("label_criteria")));
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
    } else if matches!(indicator.conformity.as_str(), "minor" | "major" | "accepted-risk") {
        facts.push(indicator.conformity_label.clone());
    }
    blocks.push(paragraph(facts.join(" · "), TextStyle::Small));
    if !indicator.criteria.is_empty() {
        let ticks: Vec<String> = indicator
            .criteria
            .iter()
            .map(|c| format!("{} {} — {}", if c.met { "✓" } else { "✗" }, c.id, c.text))
            .chain(
                indicator
                    .level_meanings
                    .iter()
                    .map(|m| format!("{}: {}", m.level, m.text)),
            )
            .collect();
        blocks.push(paragraph(
            format!("{}:\n{}", labels.get("label_criteria"), ticks.join("\n")),
            TextStyle::Small,
        ));
    }
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
    if let Some(note) = &indicator.change_note {
        blocks.push(paragraph(
            format!("{}: {note}", labels.get("label_change_note")),
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

fn action_line(action: &ActionView, labels: &Labels) -> String {
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
