//! Horizontal bar charts: a label, a bar and an annotation per row, gridlines at the marks,
//! and an axis; one unbroken block.

use super::fonts::FontSet;
use super::layout::{
    BLOCK_SPACE, CONTENT_WIDTH, Chunk, Flow, HEADING, MARGIN_LEFT, MUTED, Prepared, RIGHT_EDGE, RULE_STRONG,
    TEXT, baseline_in_line, line_height,
};
use super::text::{Font, Line};
use super::{BarChart, Rgb, Role};

const CHART_LABEL_SIZE: f32 = 8.5;
const CHART_TITLE_SIZE: f32 = 10.5;
const BAR_HEIGHT: f32 = 4.0;
const BAR_GAP: f32 = 2.4;
const GRID: Rgb = Rgb(0xdd, 0xe1, 0xe6);

/// Formats an axis value without a needless `.0`.
fn format_value(v: f64) -> String {
    if (v - v.round()).abs() < 1e-9 {
        format!("{}", v.round() as i64)
    } else {
        format!("{v:.1}")
    }
}

pub(super) fn prepare_chart(fonts: &FontSet, chart: &BarChart) -> Prepared {
    let size = CHART_LABEL_SIZE;
    let reg = Font::new(fonts, false, size);
    let axis_font = Font::new(fonts, false, 7.5);
    let lh = line_height(size, 1.25);
    let bl = baseline_in_line(size, lh);

    let values: Vec<f64> = chart.bars.iter().filter_map(|b| b.value).collect();
    let max = if chart.max.is_finite() && chart.max > 0.0 {
        chart.max
    } else {
        values
            .iter()
            .copied()
            .filter(|v| v.is_finite())
            .fold(0.0_f64, f64::max)
            .max(1.0)
    };

    let label_w = (CONTENT_WIDTH * 0.34).round();
    let annots: Vec<Line> = chart
        .bars
        .iter()
        .map(|b| reg.truncate(&b.annotation, 40.0))
        .collect();
    let dash = reg.truncate("—", 10.0);
    // Room after the longest bar for the widest annotation of a scored bar
    // (unscored bars print theirs near the axis).
    let annot_w = annots
        .iter()
        .zip(&chart.bars)
        .filter(|(_, b)| b.value.is_some_and(f64::is_finite))
        .map(|(a, _)| a.width)
        .fold(0.0_f32, f32::max)
        .max(8.0)
        + 3.0;
    let x0 = MARGIN_LEFT + label_w + 3.0;
    let x1 = RIGHT_EDGE - annot_w;
    let span = (x1 - x0).max(1.0);
    let x_of = |v: f64| x0 + (v / max).clamp(0.0, 1.0) as f32 * span;
    let marks: Vec<f64> = chart
        .marks
        .iter()
        .copied()
        .filter(|m| m.is_finite() && *m > 0.0 && *m <= max)
        .collect();

    let mut chunks = Vec::new();
    if !chart.title.trim().is_empty() {
        let tlh = line_height(CHART_TITLE_SIZE, 1.3);
        let tbl = baseline_in_line(CHART_TITLE_SIZE, tlh);
        for line in Font::new(fonts, true, CHART_TITLE_SIZE).wrap(&chart.title, CONTENT_WIDTH) {
            let mut c = Chunk::new(tlh);
            c.text(
                MARGIN_LEFT,
                tbl,
                CHART_TITLE_SIZE,
                true,
                &line,
                HEADING,
                Role::ChartTitle,
            );
            chunks.push(c);
        }
        chunks.push(Chunk::new(1.5));
    }

    for (bar, annot) in chart.bars.iter().zip(&annots) {
        let mut labels = reg.wrap(&bar.label, label_w);
        if labels.len() > 2 {
            let rest: String = labels[1..]
                .iter()
                .flat_map(|l| &l.runs)
                .map(|r| r.text.as_str())
                .collect::<Vec<_>>()
                .join(" ");
            let second = reg.truncate(&format!("{rest}…"), label_w);
            labels.truncate(1);
            labels.push(second);
        }
        let content_h = (labels.len() as f32 * lh).max(BAR_HEIGHT);
        let h = content_h + BAR_GAP;
        let mut c = Chunk::new(h);
        // Gridlines first, so bars paint over them.
        for m in &marks {
            let x = x_of(*m);
            c.line(x, 0.0, x, h, 0.4, GRID);
        }
        c.line(x0, 0.0, x0, h, 0.6, RULE_STRONG);
        let label_top = BAR_GAP / 2.0 + (content_h - labels.len() as f32 * lh) / 2.0;
        for (k, l) in labels.iter().enumerate() {
            c.text(
                MARGIN_LEFT,
                label_top + k as f32 * lh + bl,
                size,
                false,
                l,
                TEXT,
                Role::ChartLabel,
            );
        }
        let bar_top = BAR_GAP / 2.0 + (content_h - BAR_HEIGHT) / 2.0;
        let text_y = bar_top + baseline_in_line(size, BAR_HEIGHT);
        let value = bar.value.filter(|v| v.is_finite());
        let after = match value {
            Some(v) => {
                let xe = x_of(v);
                c.rect(x0, bar_top, xe - x0, BAR_HEIGHT, bar.colour);
                xe + 1.5
            }
            None => {
                c.text(x0 + 1.5, text_y, size, false, &dash, MUTED, Role::ChartAnnotation);
                x0 + 1.5 + dash.width + 1.5
            }
        };
        let annot = if after + annot.width > RIGHT_EDGE {
            reg.truncate(&bar.annotation, RIGHT_EDGE - after)
        } else {
            annot.clone()
        };
        c.text(after, text_y, size, false, &annot, TEXT, Role::ChartAnnotation);
        chunks.push(c);
    }

    // Axis with the marks labelled.
    let axis_size = 7.5;
    let alh = line_height(axis_size, 1.3);
    let mut axis = Chunk::new(1.2 + alh);
    axis.line(x0, 0.0, x1, 0.0, 0.6, RULE_STRONG);
    let mut ticks = vec![0.0];
    ticks.extend(marks.iter().copied());
    if !marks.iter().any(|m| (m - max).abs() < 1e-9) {
        ticks.push(max);
    }
    for t in ticks {
        let x = x_of(t);
        axis.line(x, 0.0, x, 1.0, 0.6, RULE_STRONG);
        let label = axis_font.truncate(&format_value(t), 20.0);
        let lx = (x - label.width / 2.0).clamp(MARGIN_LEFT, RIGHT_EDGE - label.width);
        axis.text(
            lx,
            1.2 + baseline_in_line(axis_size, alh),
            axis_size,
            false,
            &label,
            MUTED,
            Role::ChartAxis,
        );
    }
    chunks.push(axis);

    Prepared::Flow(Flow::unbroken(BLOCK_SPACE + 1.0, BLOCK_SPACE + 1.0, chunks))
}
