//! The chart of scores by section.

use crate::render::pdf::blocks::{heading, rgb};
use crate::render::pdf::{Bar, BarChart, Block, Rgb};
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
                // a grade or a score without bands, or "no aggregate"
                None if bar.score.value.is_some() || bar.score.no_aggregate => bar.score.text.clone(),
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
