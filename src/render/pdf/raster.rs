//! Charts and figures as PNG images, for formats that cannot draw the engine's vectors (the
//! Word report): the block is laid out by the same code as on a PDF page, cropped to what it
//! draws, and painted with tiny-skia, its text as the outlines of the same faces. Pure and
//! deterministic: the same block gives the same bytes.

use tiny_skia::{Color, FillRule, Paint, PathBuilder, Pixmap, Stroke as SkStroke, Transform};

use super::fonts::{FontSet, MM_PER_PT};
use super::{Block, CONTENT_BOTTOM, CONTENT_TOP, Document, Item, Polygon, Rgb};

/// Pixels per millimetre: 200 dpi, sharp on paper and small enough to embed.
const PX_PER_MM: f32 = 200.0 / 25.4;
/// White space kept around what is drawn, in millimetres.
const PADDING: f32 = 1.0;
/// Text may reach a little above or below the content area it is placed in.
const EPSILON: f32 = 3.0;

/// A block drawn as a PNG, with its size on paper.
#[derive(Debug, Clone, PartialEq)]
pub struct Png {
    pub bytes: Vec<u8>,
    pub width_mm: f32,
    pub height_mm: f32,
}

/// The block as laid out on a page, cropped and painted; `None` for a block that draws nothing
/// or cannot be encoded.
pub fn png(block: &Block, fonts: &FontSet) -> Option<Png> {
    let alone = Document {
        title: String::new(),
        author: String::new(),
        subject: String::new(),
        lang: String::new(),
        date: chrono::NaiveDate::default(),
        footer_left: String::new(),
        page_label: String::new(),
        marks: Default::default(),
        blocks: vec![block.clone()],
    };
    let layout = super::layout(&alone, fonts);
    let items: Vec<&Item> = layout.pages.first()?.items.iter().filter(|i| drawn(i)).collect();
    let (left, bottom, right, top) = items.iter().map(|i| bounds(i)).reduce(union)?;
    let (width_mm, height_mm) = (right - left + 2.0 * PADDING, top - bottom + 2.0 * PADDING);
    let mut pixmap = Pixmap::new(
        (width_mm * PX_PER_MM).ceil() as u32,
        (height_mm * PX_PER_MM).ceil() as u32,
    )?;
    pixmap.fill(Color::WHITE);
    // Page millimetres (origin bottom-left, y up) to pixels (origin top-left, y down).
    let to_px = Transform::from_row(
        PX_PER_MM,
        0.0,
        0.0,
        -PX_PER_MM,
        (PADDING - left) * PX_PER_MM,
        (top + PADDING) * PX_PER_MM,
    );
    for item in items {
        paint(&mut pixmap, item, fonts, to_px);
    }
    Some(Png {
        bytes: pixmap.encode_png().ok()?,
        width_mm,
        height_mm,
    })
}

/// Whether an item belongs to the block: inside the content area (not the page's footer, its
/// rule or the marks in the margins).
fn drawn(item: &Item) -> bool {
    let (_, bottom, _, top) = bounds(item);
    bottom >= CONTENT_BOTTOM - EPSILON && top <= CONTENT_TOP + EPSILON
}

/// An item's box: left, bottom, right, top in page millimetres.
fn bounds(item: &Item) -> (f32, f32, f32, f32) {
    match item {
        Item::Text {
            x, y, size, width, ..
        } => (
            *x,
            y - 0.25 * size * MM_PER_PT,
            x + width,
            y + 0.8 * size * MM_PER_PT,
        ),
        Item::Rect { x, y, w, h, .. } => (*x, *y, x + w, y + h),
        Item::Line { x1, y1, x2, y2, .. } => (x1.min(*x2), y1.min(*y2), x1.max(*x2), y1.max(*y2)),
        Item::Polygon(polygon) => polygon.points.iter().fold(
            (f32::MAX, f32::MAX, f32::MIN, f32::MIN),
            |(l, b, r, t), &(x, y)| (l.min(x), b.min(y), r.max(x), t.max(y)),
        ),
    }
}

fn union(a: (f32, f32, f32, f32), b: (f32, f32, f32, f32)) -> (f32, f32, f32, f32) {
    (a.0.min(b.0), a.1.min(b.1), a.2.max(b.2), a.3.max(b.3))
}

fn paint_of(colour: Rgb) -> Paint<'static> {
    let mut paint = Paint::default();
    paint.set_color_rgba8(colour.0, colour.1, colour.2, 0xff);
    paint.anti_alias = true;
    paint
}

fn paint(pixmap: &mut Pixmap, item: &Item, fonts: &FontSet, to_px: Transform) {
    match item {
        Item::Rect { x, y, w, h, fill } => {
            if let Some(rect) = tiny_skia::Rect::from_xywh(*x, *y, *w, *h) {
                pixmap.fill_rect(rect, &paint_of(*fill), to_px, None);
            }
        }
        Item::Line {
            x1,
            y1,
            x2,
            y2,
            width,
            colour,
        } => {
            let mut path = PathBuilder::new();
            path.move_to(*x1, *y1);
            path.line_to(*x2, *y2);
            stroke(pixmap, path, *width, *colour, to_px);
        }
        Item::Polygon(polygon) => paint_polygon(pixmap, polygon, to_px),
        Item::Text {
            x,
            y,
            size,
            face,
            text,
            colour,
            ..
        } => paint_text(pixmap, fonts, (*x, *y, *size, *face), text, *colour, to_px),
    }
}

fn stroke(pixmap: &mut Pixmap, path: PathBuilder, width_pt: f32, colour: Rgb, to_px: Transform) {
    let Some(path) = path.finish() else { return };
    let stroke = SkStroke {
        width: width_pt * MM_PER_PT,
        ..SkStroke::default()
    };
    pixmap.stroke_path(&path, &paint_of(colour), &stroke, to_px, None);
}

fn paint_polygon(pixmap: &mut Pixmap, polygon: &Polygon, to_px: Transform) {
    let outline = || {
        let mut path = PathBuilder::new();
        for (k, &(x, y)) in polygon.points.iter().enumerate() {
            if k == 0 {
                path.move_to(x, y)
            } else {
                path.line_to(x, y)
            }
        }
        path.close();
        path
    };
    if let (Some(fill), Some(path)) = (polygon.fill, outline().finish()) {
        pixmap.fill_path(&path, &paint_of(fill), FillRule::Winding, to_px, None);
    }
    if let Some(s) = polygon.stroke {
        stroke(pixmap, outline(), s.width, s.colour, to_px);
    }
}

/// A run of text in one face: each character's outline, advanced by the face's widths (as the
/// layout measured it).
fn paint_text(
    pixmap: &mut Pixmap,
    fonts: &FontSet,
    (x, y, size, face_id): (f32, f32, f32, usize),
    text: &str,
    colour: Rgb,
    to_px: Transform,
) {
    let face = fonts.face(face_id);
    let Ok(parsed) = ttf_parser::Face::parse(face.bytes.as_slice(), face.index) else {
        return;
    };
    let scale = size * MM_PER_PT / f32::from(parsed.units_per_em());
    let mut pen = x;
    for c in text.chars() {
        if let Some(glyph) = parsed.glyph_index(c) {
            let mut outline = Outline(PathBuilder::new());
            if parsed.outline_glyph(glyph, &mut outline).is_some()
                && let Some(path) = outline.0.finish()
            {
                let at = to_px.pre_translate(pen, y).pre_scale(scale, scale);
                pixmap.fill_path(&path, &paint_of(colour), FillRule::Winding, at, None);
            }
        }
        pen += fonts.char_width_mm(face_id, c, size);
    }
}

/// A glyph's outline in font units, y up, as a tiny-skia path.
struct Outline(PathBuilder);

impl ttf_parser::OutlineBuilder for Outline {
    fn move_to(&mut self, x: f32, y: f32) {
        self.0.move_to(x, y);
    }
    fn line_to(&mut self, x: f32, y: f32) {
        self.0.line_to(x, y);
    }
    fn quad_to(&mut self, x1: f32, y1: f32, x: f32, y: f32) {
        self.0.quad_to(x1, y1, x, y);
    }
    fn curve_to(&mut self, x1: f32, y1: f32, x2: f32, y2: f32, x: f32, y: f32) {
        self.0.cubic_to(x1, y1, x2, y2, x, y);
    }
    fn close(&mut self) {
        self.0.close();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::pdf::{Bar, BarChart};

    fn chart() -> Block {
        Block::BarChart(BarChart {
            title: "Scores".into(),
            bars: vec![Bar {
                label: "1 Law".into(),
                value: Some(72.5),
                colour: Rgb(0x2e, 0x7d, 0x32),
                annotation: "72.5 B".into(),
            }],
            max: 100.0,
            marks: vec![50.0],
        })
    }

    #[test]
    fn a_chart_is_a_png_of_its_drawn_size_and_the_same_bytes_each_time() {
        let fonts = FontSet::embedded().unwrap();
        let png = png(&chart(), &fonts).unwrap();
        assert_eq!(&png.bytes[..8], b"\x89PNG\r\n\x1a\n");
        // the chart spans most of the content width (170 mm, and the padding), and its height
        // a title, a bar and an axis
        assert!(png.width_mm > 150.0 && png.width_mm <= 172.0, "{}", png.width_mm);
        assert!(png.height_mm > 10.0 && png.height_mm < 30.0, "{}", png.height_mm);
        assert_eq!(png, super::png(&chart(), &fonts).unwrap());
    }

    #[test]
    fn a_block_that_draws_nothing_has_no_image() {
        let fonts = FontSet::embedded().unwrap();
        assert_eq!(png(&Block::Spacer(5.0), &fonts), None);
    }
}
