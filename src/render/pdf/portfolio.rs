//! The PDF portfolio: the [`PortfolioView`] as a sequence of [`Block`]s.
//!
//! The same parts as the HTML portfolio, in the same order: cover facts, the heat map of
//! organisations by section, the distribution of overall scores, the weakest sections, the
//! organisations' details, the skipped files and the provenance.

use super::blocks::{
    band_table, cell, column, contents, heading, paragraph, rgb, right, row, score_text, tool_and_checklist,
};
use super::{Align, Bar, BarChart, Block, Cell, Column, Document, Row, Table, TextStyle};
use crate::report::ScoreView;
use crate::report::portfolio::PortfolioView;

/// The whole portfolio as a document for the PDF engine.
pub fn portfolio_document(view: &PortfolioView) -> Document {
    let labels = &view.labels;
    let mut blocks = Vec::new();
    cover(view, &mut blocks);
    blocks.extend(contents(labels));
    heat_map(view, &mut blocks);
    distribution(view, &mut blocks);
    weakest(view, &mut blocks);
    organisations(view, &mut blocks);
    skipped(view, &mut blocks);
    provenance(view, &mut blocks);
    let kicker = labels.get("portfolio_kicker");
    Document {
        title: format!("{} — {kicker}", view.cover.title),
        author: String::new(),
        subject: kicker.to_owned(),
        date: view.provenance.report_date.0,
        lang: view.lang.clone(),
        footer_left: format!(
            "{kicker} · {} {}",
            view.cover.checklist_id, view.cover.checklist_version
        ),
        page_label: labels.get("page_of").to_owned(),
        marks: Default::default(),
        blocks,
    }
}

/// A heat-map cell: the score and band code on the band's colour ("68.8 C"), or "—".
fn score_cell(score: &ScoreView, bold: bool) -> Cell {
    match &score.band {
        Some(band) => Cell {
            text: format!("{} {}", score.text, band.code),
            bold,
            colour: Some(rgb(&band.colour)),
        },
        None => Cell {
            text: score.text.clone(),
            bold,
            colour: None,
        },
    }
}

fn centred(header: &str, width: f32) -> Column {
    Column {
        header: header.to_owned(),
        width,
        align: Align::Center,
        whole_lines: false,
    }
}

fn cover(view: &PortfolioView, blocks: &mut Vec<Block>) {
    let (cover, labels) = (&view.cover, &view.labels);
    blocks.push(Block::Title {
        text: cover.title.clone(),
        subtitle: Some(labels.get("portfolio_kicker").to_owned()),
    });
    let mut facts = vec![
        (
            labels.get("label_checklist").to_owned(),
            format!("{} {}", cover.checklist_id, cover.checklist_version),
        ),
        (
            labels.get("portfolio_label_organisations").to_owned(),
            cover.organisations.to_string(),
        ),
    ];
    if cover.skipped > 0 {
        facts.push((
            labels.get("portfolio_heading_skipped").to_owned(),
            cover.skipped.to_string(),
        ));
    }
    if let Some(assessed) = &cover.assessed {
        facts.push((
            labels.get("portfolio_label_assessment_dates").to_owned(),
            assessed.clone(),
        ));
    }
    facts.push((
        labels.get("label_report_date").to_owned(),
        cover.report_date.clone(),
    ));
    facts.push((labels.get("portfolio_label_pass").to_owned(), view.pass.clone()));
    blocks.push(Block::KeyValues(facts));
}

/// Organisations by top-level section, with the overall score; completeness and critical
/// failures are in [`organisations`], for the heat map's columns to stay wide enough.
fn heat_map(view: &PortfolioView, blocks: &mut Vec<Block>) {
    let labels = &view.labels;
    blocks.push(heading(1, labels.get("portfolio_heading_heatmap")));
    blocks.push(paragraph(labels.get("portfolio_heatmap_note"), TextStyle::Muted));
    let legend: Vec<String> = view
        .columns
        .iter()
        .map(|c| format!("{}  {}", c.number, c.title))
        .collect();
    blocks.push(paragraph(legend.join("\n"), TextStyle::Normal));
    let mut columns = vec![column(labels.get("label_organisation"), 3.0)];
    columns.extend(view.columns.iter().map(|c| centred(&c.number, 1.0)));
    columns.push(centred(labels.get("portfolio_label_overall"), 1.15));
    let mut rows: Vec<Row> = view
        .rows
        .iter()
        .map(|r| {
            let mut cells = vec![cell(r.organisation.clone())];
            cells.extend(r.cells.iter().map(|s| score_cell(s, false)));
            let mut overall = score_cell(&r.overall, true);
            if r.uncapped_band.is_some() {
                overall.text.push('*');
            }
            cells.push(overall);
            row(cells)
        })
        .collect();
    let mut means = vec![Cell {
        text: labels.get("portfolio_label_mean").to_owned(),
        bold: true,
        colour: None,
    }];
    means.extend(view.means.iter().map(|s| score_cell(s, true)));
    means.push(score_cell(&view.distribution.mean, true));
    rows.push(row(means));
    blocks.push(Block::Table(Table { columns, rows }));
    if view.rows.iter().any(|r| r.uncapped_band.is_some()) {
        blocks.push(paragraph(
            format!("* {}", labels.get("portfolio_capped_note")),
            TextStyle::Small,
        ));
    }
}

fn distribution(view: &PortfolioView, blocks: &mut Vec<Block>) {
    let (spread, labels) = (&view.distribution, &view.labels);
    blocks.push(heading(1, labels.get("portfolio_heading_distribution")));
    let mut facts = vec![(
        labels.get("portfolio_label_scored").to_owned(),
        spread.scored.to_string(),
    )];
    if spread.no_score > 0 {
        facts.push((
            labels.get("portfolio_label_no_overall").to_owned(),
            spread.no_score.to_string(),
        ));
    }
    for (key, score) in [
        ("portfolio_label_min", &spread.min),
        ("portfolio_label_median", &spread.median),
        ("portfolio_label_max", &spread.max),
        ("portfolio_label_mean", &spread.mean),
    ] {
        facts.push((labels.get(key).to_owned(), score_text(score, labels)));
    }
    blocks.push(Block::KeyValues(facts));
    let bars = spread
        .bars
        .iter()
        .map(|b| Bar {
            label: format!("{} {}", b.band.code, b.band.label),
            value: Some(b.count as f64),
            colour: rgb(&b.band.colour),
            annotation: format!("{} ({})", b.count, b.share),
        })
        .collect();
    blocks.push(Block::BarChart(BarChart {
        title: labels.get("portfolio_chart_title").to_owned(),
        bars,
        max: view.cover.organisations.max(1) as f64,
        marks: Vec::new(),
    }));
    blocks.push(paragraph(
        labels.get("portfolio_distribution_note"),
        TextStyle::Small,
    ));
    blocks.push(band_table(&view.bands, labels));
}

fn weakest(view: &PortfolioView, blocks: &mut Vec<Block>) {
    let labels = &view.labels;
    blocks.push(heading(1, labels.get("portfolio_heading_weakest")));
    blocks.push(paragraph(labels.get("portfolio_weakest_note"), TextStyle::Muted));
    let rows = view
        .weakest
        .iter()
        .map(|s| {
            row(vec![
                cell(s.number.clone()),
                cell(s.title.clone()),
                score_cell(&s.mean, true),
                cell(s.below_pass_text.clone()),
                cell(s.no_score.to_string()),
            ])
        })
        .collect();
    blocks.push(Block::Table(Table {
        columns: vec![
            column(labels.get("label_number"), 0.5),
            column(labels.get("label_section"), 3.6),
            centred(labels.get("portfolio_label_mean_score"), 1.1),
            right(
                &labels.fill("portfolio_label_below_pass", &[("pass", &view.pass)]),
                1.3,
            ),
            right(labels.get("portfolio_label_no_score"), 0.9),
        ],
        rows,
    }));
}

fn organisations(view: &PortfolioView, blocks: &mut Vec<Block>) {
    let labels = &view.labels;
    blocks.push(heading(1, labels.get("portfolio_heading_organisations")));
    let none = labels.get("none");
    let rows = view
        .rows
        .iter()
        .map(|r| {
            let failures = if r.critical_failures.is_empty() {
                none.to_owned()
            } else {
                r.critical_failures.join(", ")
            };
            row(vec![
                cell(r.organisation.clone()),
                cell(r.assessed_on.clone()),
                cell(r.completeness.clone()),
                cell(failures),
                cell(r.file.clone()),
            ])
        })
        .collect();
    blocks.push(Block::Table(Table {
        columns: vec![
            column(labels.get("label_organisation"), 2.6),
            column(labels.get("label_assessed_on"), 1.5),
            right(labels.get("completeness"), 1.0),
            column(labels.get("critical_failures"), 1.3),
            column(labels.get("portfolio_label_file"), 2.4),
        ],
        rows,
    }));
}

fn skipped(view: &PortfolioView, blocks: &mut Vec<Block>) {
    if view.skipped.is_empty() {
        return;
    }
    let labels = &view.labels;
    blocks.push(heading(1, labels.get("portfolio_heading_skipped")));
    blocks.push(paragraph(labels.get("portfolio_skipped_note"), TextStyle::Muted));
    let rows = view
        .skipped
        .iter()
        .map(|s| row(vec![cell(s.file.clone()), cell(s.errors.join("\n"))]))
        .collect();
    blocks.push(Block::Table(Table {
        columns: vec![
            column(labels.get("portfolio_label_file"), 1.6),
            column(labels.get("portfolio_label_errors"), 4.0),
        ],
        rows,
    }));
}

fn provenance(view: &PortfolioView, blocks: &mut Vec<Block>) {
    let (p, labels) = (&view.provenance, &view.labels);
    blocks.push(heading(1, labels.get("heading_provenance")));
    let mut rows = tool_and_checklist(
        labels,
        &p.tool,
        [&p.checklist_id, &p.checklist_version],
        [&p.checklist_file, &p.checklist_sha256],
    );
    rows.push((labels.get("label_report_date").to_owned(), p.date.clone()));
    blocks.push(Block::KeyValues(rows));
    let rows = p
        .files
        .iter()
        .map(|f| row(vec![cell(f.file.clone()), cell(f.sha256.clone())]))
        .collect();
    blocks.push(Block::Table(Table {
        columns: vec![
            column(labels.get("label_answers_file"), 1.7),
            column(labels.get("label_sha256"), 4.0),
        ],
        rows,
    }));
    blocks.push(paragraph(
        labels.get("portfolio_provenance_note"),
        TextStyle::Small,
    ));
}
