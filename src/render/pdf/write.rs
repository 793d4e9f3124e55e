//! Writes a [`Layout`] as PDF with printpdf 0.12.
//!
//! Only the faces that draw something are embedded, each as a subset. Arabic presentation
//! forms are written as glyphs that extract as their letters. The outline and the links
//! ([`super::outline`]) and the archival metadata ([`super::archive`]) are added to the lopdf
//! document printpdf builds, before it is saved.
//!
//! Determinism: printpdf draws font resource names and the trailer `/ID` from a process-wide
//! counter, so two renders in one process would differ. Fonts are therefore inserted with ids
//! derived from a hash of the content, and the `/ID` is set from the same hash.

use std::collections::BTreeSet;
use std::fmt::Write as _;

use printpdf::{
    Codepoint, Color, FontId, Line, LinePoint, Mm, Op, PaintMode, ParsedFont, PdfDocument, PdfFont,
    PdfFontHandle, PdfPage, PdfParseErrorSeverity, PdfSaveOptions, PdfWarnMsg, Point, PolygonRing, Pt, Rect,
    TextItem, TextMatrix, WindingOrder,
};

use super::bidi::{is_presentation_form, letters_of};
use super::fonts::{FaceId, FontSet};
use super::layout::{PAGE_HEIGHT, PAGE_WIDTH};
use super::{Document, Item, Layout, PdfError, Polygon, Rendered, Rgb, Stroke};

/// Default text colour, restored after coloured items.
const TEXT: Rgb = Rgb(0x22, 0x26, 0x2b);

/// An embedded face: its resource id and the parsed font (to look glyphs up).
struct Embedded {
    id: FontId,
    font: ParsedFont,
}

/// Writes `layout` as a PDF with `doc`'s metadata.
pub(super) fn write(doc: &Document, layout: &Layout, fonts: &FontSet) -> Result<Rendered, PdfError> {
    let hash = content_hash(doc, layout);
    let mut notes = Vec::new();

    let mut pdf = PdfDocument::new(&doc.title);
    let used = used_faces(layout);
    let ids = font_ids(hash, used.len());
    let mut embedded: Vec<Option<Embedded>> = (0..fonts.faces().count()).map(|_| None).collect();
    for (face, id) in used.iter().zip(ids) {
        let source = fonts.face(*face);
        let font = parse_font(source.bytes.as_slice(), source.index, &source.name, &mut notes)?;
        pdf.resources
            .fonts
            .map
            .insert(id.clone(), PdfFont::new(font.clone()));
        embedded[*face] = Some(Embedded { id, font });
    }

    let pages: Vec<PdfPage> = layout
        .pages
        .iter()
        .map(|p| PdfPage::new(Mm(PAGE_WIDTH), Mm(PAGE_HEIGHT), page_ops(&p.items, &embedded)))
        .collect();
    pdf.with_pages(pages);

    let opts = PdfSaveOptions {
        optimize: true,
        subset_fonts: true,
        secure: true,
        image_optimization: None,
    };
    let mut warnings: Vec<PdfWarnMsg> = Vec::new();
    // `save` is `to_lopdf_document` + `compress` + `save_to`; going through the lopdf
    // document lets us add what printpdf cannot write.
    let mut lo = pdf.to_lopdf_document(&opts, &mut warnings);

    let mut errors = Vec::new();
    for w in warnings {
        let msg = format!("page {}: {}", w.page, w.msg);
        match w.severity {
            PdfParseErrorSeverity::Error => errors.push(msg),
            PdfParseErrorSeverity::Warning | PdfParseErrorSeverity::Info => notes.push(msg),
        }
    }
    if !errors.is_empty() {
        return Err(PdfError::Write(errors));
    }
    super::outline::write(&mut lo, layout).map_err(|e| PdfError::Write(vec![format!("outline: {e}")]))?;
    super::archive::write(&mut lo, doc, hash).map_err(|e| PdfError::Write(vec![format!("metadata: {e}")]))?;

    lo.compress();
    let mut bytes = Vec::new();
    lo.save_to(&mut bytes)
        .map_err(|e| PdfError::Write(vec![format!("saving: {e}")]))?;
    if !bytes.starts_with(b"%PDF-") {
        return Err(PdfError::EmptyOutput);
    }
    Ok(Rendered {
        bytes,
        warnings: notes,
    })
}

/// The faces the layout draws with, in order.
fn used_faces(layout: &Layout) -> Vec<FaceId> {
    let used: BTreeSet<FaceId> = layout
        .pages
        .iter()
        .flat_map(|p| &p.items)
        .filter_map(|item| match item {
            Item::Text { face, .. } => Some(*face),
            _ => None,
        })
        .collect();
    used.into_iter().collect()
}

/// Parses a font for embedding; font-parser errors fail, warnings are kept.
fn parse_font(bytes: &[u8], index: u32, name: &str, notes: &mut Vec<String>) -> Result<ParsedFont, PdfError> {
    let mut warnings = Vec::new();
    let font = ParsedFont::from_bytes(bytes, index as usize, &mut warnings);
    let mut errors = Vec::new();
    for w in &warnings {
        // The severity type is not re-exported by printpdf; its Debug name is stable.
        let severity = format!("{:?}", w.severity);
        let msg = format!("{name}: {}", w.message);
        if severity == "Error" {
            errors.push(msg);
        } else if severity == "Warning" {
            notes.push(msg);
        }
    }
    match font {
        Some(f) if errors.is_empty() => Ok(f),
        Some(_) => Err(PdfError::FontParse(errors.join("; "))),
        None => Err(PdfError::FontParse(format!("{name}: not a usable font"))),
    }
}

/// Font resource names: six capital letters each, because printpdf uses the first six
/// characters of the id as the subset tag (`ABCDEF+DejaVuSans`), all distinct.
fn font_ids(hash: u64, count: usize) -> Vec<FontId> {
    let letters = |mut h: u64| {
        let mut s = String::with_capacity(6);
        for _ in 0..6 {
            s.push(char::from(b'A' + (h % 26) as u8));
            h /= 26;
        }
        s
    };
    let mut ids: Vec<String> = Vec::with_capacity(count);
    let mut h = hash;
    while ids.len() < count {
        let id = letters(h);
        if !ids.contains(&id) {
            ids.push(id);
        }
        h = h.rotate_left(29) ^ 0x9e37_79b9_7f4a_7c15;
    }
    ids.into_iter().map(FontId).collect()
}

fn colour(c: Rgb) -> Color {
    Color::Rgb(printpdf::Rgb {
        r: f32::from(c.0) / 255.0,
        g: f32::from(c.1) / 255.0,
        b: f32::from(c.2) / 255.0,
        icc_profile: None,
    })
}

fn pt(mm: f32) -> Pt {
    Pt::from(Mm(mm))
}

/// The content stream of one page. Colours, font and stroke are tracked and
/// set only when they change; every text item sets its own fill colour, and
/// the fill colour is reset to the default text colour after coloured items.
fn page_ops(items: &[Item], embedded: &[Option<Embedded>]) -> Vec<Op> {
    let mut state = State::default();
    for item in items {
        match item {
            Item::Text {
                x,
                y,
                size,
                face,
                text,
                colour: c,
                ..
            } => {
                let Some(Some(font)) = embedded.get(*face) else {
                    continue;
                };
                state.text_section(true);
                if state.font != Some((*face, *size)) {
                    state.ops.push(Op::SetFont {
                        font: PdfFontHandle::External(font.id.clone()),
                        size: Pt(*size),
                    });
                    state.font = Some((*face, *size));
                }
                state.fill(*c);
                state.ops.push(Op::SetTextMatrix {
                    matrix: TextMatrix::Translate(pt(*x), pt(*y)),
                });
                state.ops.push(Op::ShowText {
                    items: vec![text_item(text, &font.font)],
                });
            }
            Item::Rect { x, y, w, h, fill: c } => {
                state.text_section(false);
                state.fill(*c);
                state.ops.push(Op::DrawRectangle {
                    rectangle: Rect {
                        x: pt(*x),
                        y: pt(*y),
                        width: pt(*w),
                        height: pt(*h),
                        mode: Some(PaintMode::Fill),
                        winding_order: None,
                    },
                });
                state.fill(TEXT);
            }
            Item::Line {
                x1,
                y1,
                x2,
                y2,
                width,
                colour: c,
            } => {
                state.text_section(false);
                state.stroke(Stroke {
                    width: *width,
                    colour: *c,
                });
                state.ops.push(Op::DrawLine {
                    line: Line {
                        points: vec![point(*x1, *y1), point(*x2, *y2)],
                        is_closed: false,
                    },
                });
            }
            Item::Polygon(Polygon { points, fill, stroke }) => {
                state.text_section(false);
                if let Some(c) = fill {
                    state.fill(*c);
                }
                if let Some(s) = stroke {
                    state.stroke(*s);
                }
                let mode = match (fill, stroke) {
                    (Some(_), Some(_)) => PaintMode::FillStroke,
                    (Some(_), None) => PaintMode::Fill,
                    _ => PaintMode::Stroke,
                };
                state.ops.push(Op::DrawPolygon {
                    polygon: printpdf::Polygon {
                        rings: vec![PolygonRing {
                            points: points.iter().map(|&(x, y)| point(x, y)).collect(),
                        }],
                        mode,
                        winding_order: WindingOrder::NonZero,
                    },
                });
                state.fill(TEXT);
            }
        }
    }
    state.text_section(false);
    state.fill(TEXT);
    state.ops
}

/// The graphics state of a content stream, so that each setting is written only when it
/// changes.
#[derive(Default)]
struct State {
    ops: Vec<Op>,
    fill: Option<Rgb>,
    stroke: Option<Stroke>,
    font: Option<(FaceId, f32)>,
    in_text: bool,
}

impl State {
    fn text_section(&mut self, open: bool) {
        if open != self.in_text {
            self.ops.push(if open {
                Op::StartTextSection
            } else {
                Op::EndTextSection
            });
            self.in_text = open;
        }
    }

    fn fill(&mut self, c: Rgb) {
        if self.fill != Some(c) {
            self.ops.push(Op::SetFillColor { col: colour(c) });
            self.fill = Some(c);
        }
    }

    fn stroke(&mut self, s: Stroke) {
        if self.stroke.map(|old| old.colour) != Some(s.colour) {
            self.ops.push(Op::SetOutlineColor {
                col: colour(s.colour),
            });
        }
        if self.stroke.map(|old| old.width) != Some(s.width) {
            self.ops.push(Op::SetOutlineThickness { pt: Pt(s.width) });
        }
        self.stroke = Some(s);
    }
}

fn point(x: f32, y: f32) -> LinePoint {
    LinePoint {
        p: Point { x: pt(x), y: pt(y) },
        bezier: false,
    }
}

/// A run of text as printpdf shows it: plain text, or, when it holds Arabic presentation
/// forms, glyphs that each extract as the letters they stand for.
fn text_item(text: &str, font: &ParsedFont) -> TextItem {
    if !text.chars().any(is_presentation_form) {
        return TextItem::Text(text.to_owned());
    }
    TextItem::GlyphIds(
        text.chars()
            .map(|c| Codepoint {
                gid: font.lookup_glyph_index(u32::from(c)).unwrap_or(0),
                offset: 0.0,
                cid: Some(if is_presentation_form(c) {
                    letters_of(c)
                } else {
                    c.to_string()
                }),
            })
            .collect(),
    )
}

/// FNV-1a over a `fmt::Write` stream, so the layout can be hashed through its
/// `Debug` output without building a string.
struct Fnv(u64);

impl std::fmt::Write for Fnv {
    fn write_str(&mut self, s: &str) -> std::fmt::Result {
        for b in s.bytes() {
            self.0 ^= u64::from(b);
            self.0 = self.0.wrapping_mul(0x0000_0100_0000_01b3);
        }
        Ok(())
    }
}

/// A hash of everything that ends up in the file.
fn content_hash(doc: &Document, layout: &Layout) -> u64 {
    let mut h = Fnv(0xcbf2_9ce4_8422_2325);
    // Writing into `Fnv` cannot fail.
    let _ = write!(
        h,
        "{:?}|{:?}|{:?}|{:?}|{}|{:?}",
        doc.title, doc.author, doc.subject, doc.lang, doc.date, layout
    );
    h.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn font_ids_are_six_capitals_and_distinct() {
        for h in [0_u64, 1, 42, u64::MAX, 0xdead_beef] {
            let ids = font_ids(h, 4);
            assert_eq!(ids.len(), 4);
            for (i, id) in ids.iter().enumerate() {
                assert_eq!(id.0.len(), 6);
                assert!(id.0.bytes().all(|c| c.is_ascii_uppercase()));
                assert!(!ids[..i].contains(id));
            }
        }
    }

    #[test]
    fn fill_colour_is_reset_after_coloured_items() {
        let red = Rgb(200, 0, 0);
        let items = vec![
            Item::Rect {
                x: 20.0,
                y: 20.0,
                w: 10.0,
                h: 10.0,
                fill: red,
            },
            Item::Text {
                x: 20.0,
                y: 40.0,
                size: 10.0,
                bold: false,
                face: 0,
                text: "a".into(),
                colour: red,
                width: 1.0,
                role: super::super::Role::Body,
            },
        ];
        let fonts = FontSet::embedded().expect("fonts");
        let face = fonts.face(0);
        let mut notes = Vec::new();
        let font = parse_font(face.bytes.as_slice(), 0, &face.name, &mut notes).expect("font");
        let embedded = vec![Some(Embedded {
            id: FontId("ABCDEF".into()),
            font,
        })];
        let ops = page_ops(&items, &embedded);
        let fills: Vec<&Color> = ops
            .iter()
            .filter_map(|op| match op {
                Op::SetFillColor { col } => Some(col),
                _ => None,
            })
            .collect();
        // red for the rect, reset, red for the text, reset at the end.
        assert_eq!(fills.len(), 4);
        assert_eq!(fills[1], &colour(TEXT));
        assert_eq!(fills[3], &colour(TEXT));
        // Text is shown only inside a text section.
        let start = ops.iter().position(|o| matches!(o, Op::StartTextSection));
        let show = ops.iter().position(|o| matches!(o, Op::ShowText { .. }));
        let end = ops.iter().position(|o| matches!(o, Op::EndTextSection));
        assert!(start < show && show < end);
    }
}
