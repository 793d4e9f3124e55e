//! The charts, as in the HTML: the scores by section with the legend of the rating bands, and
//! the radar of the main sections (a vector figure drawn from the view's radar geometry) with its
//! table.

use crate::i18n::Labels;
use crate::render::pdf::blocks::{band_table, cell, column, heading, paragraph, rgb, right, row, score_text};
use crate::render::pdf::{
    Align, Bar, BarChart, Block, Figure, Polygon, Rgb, Shape, Stroke, Table, TextStyle,
};
use crate::report::{Radar, RadarAxis, ReportView};

/// The radar's width on the page; its geometry is in the view's units (`Radar::size` square).
const RADAR_WIDTH: f32 = 120.0;
/// Room above and below the outer ring for the labels, in the view's units (as in the HTML).
const RADAR_MARGIN: f64 = 40.0;
const NAVY: Rgb = Rgb(0x14, 0x32, 0x5c);
const SHAPE_FILL: Rgb = Rgb(0xd3, 0xdb, 0xe7);
const RING: Rgb = Rgb(0xc8, 0xcd, 0xd4);
const NO_SCORE: Rgb = Rgb(0x5b, 0x66, 0x75);

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
    blocks.push(paragraph(labels.get("chart_gridlines_note"), TextStyle::Small));
    if !view.methodology.bands.is_empty() {
        blocks.push(band_table(&view.methodology.bands, labels));
    }
    if let Some(radar) = &view.charts.radar {
        blocks.push(paragraph(labels.get("chart_radar_title"), TextStyle::Bold));
        blocks.push(Block::Figure(radar_figure(radar)));
        blocks.push(radar_table(radar, labels));
    }
}

/// The radar: guide rings at 25, 50, 75 and 100, a spoke per section, the scores' shape with a
/// dot in each section's band colour, and each section's number and score at its spoke.
fn radar_figure(radar: &Radar) -> Figure {
    let scale = f64::from(RADAR_WIDTH) / radar.size;
    let top = radar.centre - radar.radius - RADAR_MARGIN;
    let at = |x: f64, y: f64| ((x * scale) as f32, ((y - top) * scale) as f32);
    // a point `share` of the way from the centre to the axis's outer end
    let towards = |axis: &RadarAxis, share: f64| {
        at(
            radar.centre + share * (axis.x - radar.centre),
            radar.centre + share * (axis.y - radar.centre),
        )
    };
    let mut shapes = Vec::new();
    for (i, share) in [0.25, 0.5, 0.75, 1.0].into_iter().enumerate() {
        shapes.push(Shape::Polygon(Polygon {
            points: radar.axes.iter().map(|a| towards(a, share)).collect(),
            fill: None,
            stroke: Some(Stroke {
                width: if i == 3 { 0.8 } else { 0.5 },
                colour: RING,
            }),
        }));
    }
    for axis in &radar.axes {
        shapes.push(Shape::Line {
            from: at(radar.centre, radar.centre),
            to: towards(axis, 1.0),
            width: 0.5,
            colour: RING,
        });
    }
    let share = |a: &RadarAxis| a.score.value.unwrap_or(0.0).clamp(0.0, 100.0) / 100.0;
    shapes.push(Shape::Polygon(Polygon {
        points: radar.axes.iter().map(|a| towards(a, share(a))).collect(),
        fill: Some(SHAPE_FILL),
        stroke: Some(Stroke {
            width: 1.2,
            colour: NAVY,
        }),
    }));
    // the ring values on top of the shape, as in the HTML
    for share in [0.25, 0.5, 0.75, 1.0] {
        let (x, y) = at(radar.centre + 4.0, radar.centre - radar.radius * share - 3.0);
        shapes.push(label(
            x,
            y,
            format!("{}", (share * 100.0) as u32),
            6.5,
            Align::Left,
        ));
    }
    for axis in &radar.axes {
        let colour = axis.score.band.as_ref().map_or(NO_SCORE, |b| rgb(&b.colour));
        shapes.push(dot(towards(axis, share(axis)), colour));
        let anchor = match axis.anchor.as_str() {
            "start" => Align::Left,
            "end" => Align::Right,
            _ => Align::Center,
        };
        let (x, y) = at(axis.label_x, axis.label_y);
        // the HTML centres the label on its point (dy 0.35em)
        let text = format!("{} · {}", axis.number, axis.score.text);
        shapes.push(label(x, y + 1.0, text, 8.0, anchor));
    }
    Figure {
        width: RADAR_WIDTH,
        height: (2.0 * (radar.radius + RADAR_MARGIN) * scale) as f32,
        shapes,
    }
}

fn label(x: f32, y: f32, text: String, size: f32, anchor: Align) -> Shape {
    Shape::Label {
        x,
        y,
        text,
        size,
        bold: size >= 8.0,
        colour: NAVY,
        anchor,
    }
}

/// A dot of 1.4 mm radius: an octagon.
fn dot((x, y): (f32, f32), colour: Rgb) -> Shape {
    let points = (0..8)
        .map(|i| {
            let angle = std::f32::consts::TAU * i as f32 / 8.0;
            (x + 1.4 * angle.cos(), y + 1.4 * angle.sin())
        })
        .collect();
    Shape::Polygon(Polygon {
        points,
        fill: Some(colour),
        stroke: Some(Stroke {
            width: 0.5,
            colour: Rgb(0xff, 0xff, 0xff),
        }),
    })
}

/// The radar's sections with their scores, as the HTML's legend table.
fn radar_table(radar: &Radar, labels: &Labels) -> Block {
    Block::Table(Table {
        columns: vec![
            right(labels.get("label_number"), 0.5),
            column(labels.get("label_section"), 4.0),
            column(labels.get("label_score"), 1.8),
        ],
        rows: radar
            .axes
            .iter()
            .map(|a| {
                row(vec![
                    cell(a.number.clone()),
                    cell(a.title.clone()),
                    cell(score_text(&a.score, labels)),
                ])
            })
            .collect(),
    })
}
