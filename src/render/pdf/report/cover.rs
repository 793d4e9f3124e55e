//! The report's cover page: title, the assessment facts and the overall rating.

use crate::render::pdf::blocks::{paragraph, rgb};
use crate::render::pdf::{Block, Rgb, TextStyle};
use crate::report::ReportView;

pub(super) fn cover(view: &ReportView, blocks: &mut Vec<Block>) {
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
