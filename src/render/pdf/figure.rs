//! Vector figures ([`Figure`]): shapes in millimetres from the top-left corner of a box of a
//! fixed size, centred on the content width and scaled down when the box is wider than the
//! content or taller than a page; one unbroken block.

use super::fonts::FontSet;
use super::layout::{BLOCK_SPACE, CONTENT_HEIGHT, CONTENT_WIDTH, Chunk, Flow, MARGIN_LEFT, Prepared};
use super::text::Font;
use super::{Align, Figure, Polygon, Role, Shape, Stroke};

pub(super) fn prepare_figure(fonts: &FontSet, figure: &Figure) -> Prepared {
    let (w, h) = (figure.width.max(0.0), figure.height.max(0.0));
    if !(w.is_finite() && h.is_finite()) || w * h == 0.0 {
        return Prepared::Spacer(0.0);
    }
    let scale = (CONTENT_WIDTH / w).min(CONTENT_HEIGHT / h).min(1.0);
    let left = MARGIN_LEFT + (CONTENT_WIDTH - w * scale) / 2.0;
    let at = |(x, y): (f32, f32)| (left + x * scale, y * scale);
    let mut chunk = Chunk::new(h * scale);
    for shape in &figure.shapes {
        match shape {
            Shape::Line {
                from,
                to,
                width,
                colour,
            } => {
                let ((x1, y1), (x2, y2)) = (at(*from), at(*to));
                chunk.line(x1, y1, x2, y2, width * scale, *colour);
            }
            Shape::Polygon(polygon) => chunk.polygon(Polygon {
                points: polygon.points.iter().copied().map(at).collect(),
                stroke: polygon.stroke.map(|s| Stroke {
                    width: s.width * scale,
                    ..s
                }),
                ..polygon.clone()
            }),
            Shape::Rect { x, y, w, h, fill } => {
                let (x, y) = at((*x, *y));
                chunk.rect(x, y, w * scale, h * scale, *fill);
            }
            Shape::Label {
                x,
                y,
                text,
                size,
                bold,
                colour,
                anchor,
            } => {
                let size = size * scale;
                let line = Font::new(fonts, *bold, size).line(text);
                let (x, y) = at((*x, *y));
                let x = match anchor {
                    Align::Left => x,
                    Align::Center => x - line.width / 2.0,
                    Align::Right => x - line.width,
                };
                chunk.text(x, y, size, *bold, &line, *colour, Role::FigureLabel);
            }
        }
    }
    Prepared::Flow(Flow::unbroken(BLOCK_SPACE, BLOCK_SPACE, vec![chunk]))
}
