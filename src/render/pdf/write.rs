//! Writes a [`Layout`] as PDF with printpdf 0.12.
//!
//! Determinism: printpdf draws font resource names, bookmark ids and the
//! trailer `/ID` from a process-wide counter, so two renders in one process
//! would differ. Fonts and bookmarks are therefore inserted with ids derived
//! from a hash of the content, and the trailer `/ID` (which printpdf gives no
//! way to set) is rewritten in the lopdf document before it is saved.

use std::fmt::Write as _;

use printpdf::{
    Color, FontId, Line, LinePoint, Mm, Op, PageAnnotId, PageAnnotation, PaintMode, ParsedFont, PdfDocument,
    PdfFont, PdfFontHandle, PdfPage, PdfParseErrorSeverity, PdfSaveOptions, PdfWarnMsg, Point, Pt, Rect,
    TextItem, TextMatrix,
};

use super::fonts::{BOLD_TTF, REGULAR_TTF};
use super::layout::{PAGE_HEIGHT, PAGE_WIDTH};
use super::{Document, Item, Layout, PdfError, Rendered, Rgb};

/// Default text colour, restored after coloured items.
const TEXT: Rgb = Rgb(0x22, 0x26, 0x2b);

/// Writes `layout` as a PDF with `doc`'s metadata.
pub(super) fn write(doc: &Document, layout: &Layout) -> Result<Rendered, PdfError> {
    let hash = content_hash(doc, layout);
    let mut notes = Vec::new();

    let regular = parse_font(REGULAR_TTF, "DejaVuSans.ttf", &mut notes)?;
    let bold = parse_font(BOLD_TTF, "DejaVuSans-Bold.ttf", &mut notes)?;
    let (regular_id, bold_id) = font_ids(hash);

    let mut pdf = PdfDocument::new(&doc.title);
    pdf.resources
        .fonts
        .map
        .insert(regular_id.clone(), PdfFont::new(regular));
    pdf.resources
        .fonts
        .map
        .insert(bold_id.clone(), PdfFont::new(bold));

    let info = &mut pdf.metadata.info;
    info.document_title = doc.title.clone();
    info.author = doc.author.clone();
    info.subject = doc.subject.clone();
    info.creator = "oversight".to_string();
    info.producer = "oversight (printpdf)".to_string();
    let date = pdf_date(doc.date);
    info.creation_date = date;
    info.modification_date = date;
    info.metadata_date = date;

    for (i, b) in layout.bookmarks.iter().enumerate() {
        pdf.bookmarks.map.insert(
            PageAnnotId(format!("bookmark{i:06}")),
            PageAnnotation {
                name: b.title.clone(),
                // printpdf numbers bookmark pages from 1.
                page: b.page + 1,
            },
        );
    }

    let pages: Vec<PdfPage> = layout
        .pages
        .iter()
        .map(|p| {
            PdfPage::new(
                Mm(PAGE_WIDTH),
                Mm(PAGE_HEIGHT),
                page_ops(&p.items, &regular_id, &bold_id),
            )
        })
        .collect();
    pdf.with_pages(pages);

    let opts = PdfSaveOptions {
        optimize: true,
        subset_fonts: true,
        secure: true,
        image_optimization: None,
    };
    let mut warnings: Vec<PdfWarnMsg> = Vec::new();
    // `save` is `to_lopdf_document` + `compress` + `save_to`; going through the
    // lopdf document lets us fix the metadata printpdf writes unasked.
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

    // The Info dictionary: printpdf always writes an empty `GTS_PDFXVersion`,
    // which makes readers report the file as PDF/X; drop it and other empty keys.
    let info_id = lo.trailer.get(b"Info").and_then(|o| o.as_reference());
    if let Ok(info) = info_id.and_then(|id| lo.get_dictionary_mut(id)) {
        for key in [&b"GTS_PDFXVersion"[..], b"Identifier", b"Keywords", b"Trapped"] {
            info.remove(key);
        }
    }
    // The trailer /ID: printpdf draws it from a process-wide counter.
    let id = format!("{hash:016X}{:016X}", hash.rotate_left(32) ^ 0x5851_f42d_4c95_7f2d);
    match lo.trailer.get_mut(b"ID").and_then(|o| o.as_array_mut()) {
        Ok(parts) => {
            for part in parts.iter_mut() {
                if let Ok(s) = part.as_str_mut() {
                    *s = id.as_bytes().to_vec();
                }
            }
        }
        Err(e) => return Err(PdfError::Write(vec![format!("trailer /ID: {e}")])),
    }

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

/// Parses a font for embedding; font-parser errors fail, warnings are kept.
fn parse_font(bytes: &[u8], name: &str, notes: &mut Vec<String>) -> Result<ParsedFont, PdfError> {
    let mut warnings = Vec::new();
    let font = ParsedFont::from_bytes(bytes, 0, &mut warnings);
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

/// Font resource names: six capital letters each, because printpdf uses the
/// first six characters of the id as the subset tag (`ABCDEF+DejaVuSans`).
fn font_ids(hash: u64) -> (FontId, FontId) {
    let letters = |mut h: u64| {
        let mut s = String::with_capacity(6);
        for _ in 0..6 {
            s.push(char::from(b'A' + (h % 26) as u8));
            h /= 26;
        }
        s
    };
    let regular = letters(hash);
    let mut bold = letters(hash.rotate_left(29) ^ 0x9e37_79b9_7f4a_7c15);
    if bold == regular {
        bold.replace_range(5..6, if regular.ends_with('Z') { "Y" } else { "Z" });
    }
    (FontId(regular), FontId(bold))
}

/// `date` at 00:00 UTC.
fn pdf_date(date: chrono::NaiveDate) -> printpdf::OffsetDateTime {
    use chrono::Datelike;
    printpdf::OffsetDateTime::new_in_offset(
        printpdf::date::Date {
            year: date.year(),
            month: u8::try_from(date.month()).unwrap_or(1),
            day: u8::try_from(date.day()).unwrap_or(1),
        },
        printpdf::date::Time {
            hour: 0,
            minute: 0,
            second: 0,
            millisecond: 0,
        },
        printpdf::date::Offset {
            hours: 0,
            minutes: 0,
            seconds: 0,
            milliseconds: 0,
        },
    )
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
fn page_ops(items: &[Item], regular: &FontId, bold: &FontId) -> Vec<Op> {
    let mut ops = Vec::with_capacity(items.len() * 4 + 4);
    let mut fill: Option<Rgb> = None;
    let mut stroke: Option<Rgb> = None;
    let mut stroke_w: Option<f32> = None;
    let mut font: Option<(bool, f32)> = None;
    let mut in_text = false;

    let set_fill = |ops: &mut Vec<Op>, fill: &mut Option<Rgb>, c: Rgb| {
        if *fill != Some(c) {
            ops.push(Op::SetFillColor { col: colour(c) });
            *fill = Some(c);
        }
    };

    for item in items {
        match item {
            Item::Text {
                x,
                y,
                size,
                bold: is_bold,
                text,
                colour: c,
                ..
            } => {
                if !in_text {
                    ops.push(Op::StartTextSection);
                    in_text = true;
                }
                if font != Some((*is_bold, *size)) {
                    let id = if *is_bold { bold } else { regular };
                    ops.push(Op::SetFont {
                        font: PdfFontHandle::External(id.clone()),
                        size: Pt(*size),
                    });
                    font = Some((*is_bold, *size));
                }
                set_fill(&mut ops, &mut fill, *c);
                ops.push(Op::SetTextMatrix {
                    matrix: TextMatrix::Translate(pt(*x), pt(*y)),
                });
                ops.push(Op::ShowText {
                    items: vec![TextItem::Text(text.clone())],
                });
            }
            Item::Rect { x, y, w, h, fill: c } => {
                if in_text {
                    ops.push(Op::EndTextSection);
                    in_text = false;
                }
                set_fill(&mut ops, &mut fill, *c);
                ops.push(Op::DrawRectangle {
                    rectangle: Rect {
                        x: pt(*x),
                        y: pt(*y),
                        width: pt(*w),
                        height: pt(*h),
                        mode: Some(PaintMode::Fill),
                        winding_order: None,
                    },
                });
                set_fill(&mut ops, &mut fill, TEXT);
            }
            Item::Line {
                x1,
                y1,
                x2,
                y2,
                width,
                colour: c,
            } => {
                if in_text {
                    ops.push(Op::EndTextSection);
                    in_text = false;
                }
                if stroke != Some(*c) {
                    ops.push(Op::SetOutlineColor { col: colour(*c) });
                    stroke = Some(*c);
                }
                if stroke_w != Some(*width) {
                    ops.push(Op::SetOutlineThickness { pt: Pt(*width) });
                    stroke_w = Some(*width);
                }
                let point = |x: f32, y: f32| LinePoint {
                    p: Point { x: pt(x), y: pt(y) },
                    bezier: false,
                };
                ops.push(Op::DrawLine {
                    line: Line {
                        points: vec![point(*x1, *y1), point(*x2, *y2)],
                        is_closed: false,
                    },
                });
            }
        }
    }
    if in_text {
        ops.push(Op::EndTextSection);
    }
    set_fill(&mut ops, &mut fill, TEXT);
    ops
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
        "{:?}|{:?}|{:?}|{}|{:?}",
        doc.title, doc.author, doc.subject, doc.date, layout
    );
    h.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn font_ids_are_six_capitals_and_distinct() {
        for h in [0_u64, 1, 42, u64::MAX, 0xdead_beef] {
            let (a, b) = font_ids(h);
            assert_eq!(a.0.len(), 6);
            assert_eq!(b.0.len(), 6);
            assert!(a.0.bytes().all(|c| c.is_ascii_uppercase()));
            assert!(b.0.bytes().all(|c| c.is_ascii_uppercase()));
            assert_ne!(a, b);
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
                text: "a".into(),
                colour: red,
                width: 1.0,
                role: super::super::Role::Body,
            },
        ];
        let (r, b) = font_ids(1);
        let ops = page_ops(&items, &r, &b);
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
