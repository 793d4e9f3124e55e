//! Chart geometry for the report view: bar lengths and the radar's points.

use super::view::{Radar, RadarAxis, ScoreView};

const SIZE: f64 = 420.0;
const RADIUS: f64 = 130.0;
const LABEL_GAP: f64 = 18.0;

/// A radar of scores 0-100, one axis per `(number, title, score)`, the first pointing up.
pub fn radar(axes: Vec<(String, String, ScoreView)>) -> Option<Radar> {
    if axes.len() < 3 {
        return None;
    }
    let centre = SIZE / 2.0;
    let count = axes.len();
    let point = |index: usize, share: f64| {
        let angle = -std::f64::consts::FRAC_PI_2 + std::f64::consts::TAU * index as f64 / count as f64;
        (
            centre + share * RADIUS * angle.cos(),
            centre + share * RADIUS * angle.sin(),
        )
    };
    let polygon = |shares: &[f64]| {
        shares
            .iter()
            .enumerate()
            .map(|(i, share)| {
                let (x, y) = point(i, *share);
                format!("{},{}", round(x), round(y))
            })
            .collect::<Vec<_>>()
            .join(" ")
    };
    let rings = [0.25, 0.5, 0.75, 1.0]
        .iter()
        .map(|share| polygon(&vec![*share; count]))
        .collect();
    let shares: Vec<f64> = axes
        .iter()
        .map(|(_, _, score)| score.value.unwrap_or(0.0).clamp(0.0, 100.0) / 100.0)
        .collect();
    let shape = polygon(&shares);
    let axes = axes
        .into_iter()
        .enumerate()
        .map(|(i, (number, title, score))| {
            let (x, y) = point(i, 1.0);
            let (label_x, label_y) = point(i, 1.0 + LABEL_GAP / RADIUS);
            let anchor = if (label_x - centre).abs() < 1.0 {
                "middle"
            } else if label_x > centre {
                "start"
            } else {
                "end"
            };
            RadarAxis {
                number,
                title,
                score,
                x: round(x),
                y: round(y),
                label_x: round(label_x),
                label_y: round(label_y),
                anchor: anchor.to_owned(),
            }
        })
        .collect();
    Some(Radar {
        size: SIZE,
        centre,
        radius: RADIUS,
        axes,
        rings,
        shape,
    })
}

/// Two decimals are plenty for SVG and keep the output stable.
fn round(value: f64) -> f64 {
    (value * 100.0).round() / 100.0
}
