//! The chart of scores by section, with the legend of the rating bands (as in the HTML).
//! The radar of the main sections waits for the engine's vector figure block.

use crate::render::pdf::blocks::{band_table, heading, paragraph, rgb};
use crate::render::pdf::{Bar, BarChart, Block, Rgb, TextStyle};
use crate::report::ReportView;

pub(super) fn charts(view: &ReportView, blocks: &mut Vec<Block>) {
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
                None if bar.score.provisional => {
                    format!("{} ({})", bar.score.text, labels.get("label_provisional"))
                }
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
    blocks.push(paragraph(labels.get("chart_gridlines_note"), TextStyle::Small));
    if !view.methodology.bands.is_empty() {
        blocks.push(band_table(&view.methodology.bands, labels));
    }
}
