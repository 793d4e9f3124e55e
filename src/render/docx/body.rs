//! The body of the Word document: each [`Block`] of the report as WordprocessingML. Headings
//! take the template's heading styles (so Word's navigation pane and the contents follow them),
//! the contents are a `TOC` field that Word updates, tables are Word tables whose header row
//! repeats on every page, band colours are cell shading (the band code stays in the text),
//! and charts and figures are PNG images with their data as alternative text. Every run
//! carries the document's language, for the spelling checker.

use super::styles::Styles;
use super::xml::escape;
use crate::colour::Rgb;
use crate::render::pdf::{self, Align, Block, Cell, FontSet, Shape, Table, TextStyle};

/// Twips (1/20 pt) per millimetre, Word's unit of lengths.
const TWIPS_PER_MM: f32 = 1440.0 / 25.4;
/// EMUs per millimetre, the unit of drawings.
const EMU_PER_MM: f32 = 36_000.0;
const TEXT: Rgb = Rgb(0x22, 0x26, 0x2b);
const MUTED: Rgb = Rgb(0x5f, 0x66, 0x72);
const HEADER_FILL: Rgb = Rgb(0xec, 0xef, 0xf3);
const LABEL_FILL: Rgb = Rgb(0xf4, 0xf6, 0xf8);
/// Font sizes in half-points: table cells, small notes, muted text.
const CELL_SIZE: u32 = 18;
const SMALL_SIZE: u32 = 17;
const MUTED_SIZE: u32 = 19;
/// The cells' left and right margins in twips (1.5 mm), under the PDF's padding, so that the
/// PDF's column widths hold the same text whatever the template's table style says.
const CELL_MARGIN: u32 = 85;

/// What the body needs to know of the package it goes into.
pub(super) struct Context<'a> {
    pub styles: &'a Styles,
    /// The language of every run, such as `uk-UA`.
    pub lang: &'a str,
    pub fonts: &'a FontSet,
    /// The width between the margins of the template's page.
    pub text_width_mm: f32,
}

/// The body's XML and the images it refers to: image `n` (from 1) is the relationship
/// [`image_rel`]`(n)`.
pub(super) struct Body {
    pub xml: String,
    pub images: Vec<Vec<u8>>,
}

/// The relationship id of the body's `n`th image.
pub(super) fn image_rel(n: usize) -> String {
    format!("rIdOversightImage{n}")
}

/// The formatting of a run.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct RunStyle {
    pub bold: bool,
    pub colour: Option<Rgb>,
    /// In half-points.
    pub size: Option<u32>,
}

/// Runs of `text`, a `'\n'` a line break.
pub(super) fn runs(text: &str, style: RunStyle, lang: &str) -> String {
    let mut props = String::new();
    if style.bold {
        props.push_str("<w:b/><w:bCs/>");
    }
    if let Some(colour) = style.colour {
        props.push_str(&format!("<w:color w:val=\"{}\"/>", hex(colour)));
    }
    if let Some(size) = style.size {
        props.push_str(&format!("<w:sz w:val=\"{size}\"/><w:szCs w:val=\"{size}\"/>"));
    }
    props.push_str(&format!("<w:lang w:val=\"{lang}\"/>"));
    text.split('\n')
        .enumerate()
        .map(|(k, line)| {
            let br = if k > 0 { "<w:br/>" } else { "" };
            format!(
                "<w:r><w:rPr>{props}</w:rPr>{br}<w:t xml:space=\"preserve\">{}</w:t></w:r>",
                escape(line)
            )
        })
        .collect()
}

/// A paragraph of style `style` with extra paragraph properties `props` (in schema order
/// after the style) and content `content`.
pub(super) fn paragraph(style: &str, props: &str, content: &str) -> String {
    let style = if style.is_empty() {
        String::new()
    } else {
        format!("<w:pStyle w:val=\"{style}\"/>")
    };
    format!("<w:p><w:pPr>{style}{props}</w:pPr>{content}</w:p>")
}

/// `RRGGBB`, as Word writes colours.
pub(super) fn hex(colour: Rgb) -> String {
    colour.hex().trim_start_matches('#').to_ascii_uppercase()
}

/// The body of `blocks`.
pub(super) fn body(blocks: &[Block], context: &Context) -> Body {
    let mut writer = Writer {
        context,
        xml: String::new(),
        images: Vec::new(),
        page_is_empty: true,
        break_before: false,
    };
    let listed = pdf::listed_headings(blocks);
    for (k, block) in blocks.iter().enumerate() {
        let before_contents = matches!(blocks.get(k + 1), Some(Block::Contents));
        writer.block(block, before_contents, &listed);
    }
    Body {
        xml: writer.xml,
        images: writer.images,
    }
}

struct Writer<'a> {
    context: &'a Context<'a>,
    xml: String,
    images: Vec<Vec<u8>>,
    /// Nothing written since the last page break (a second break would leave a blank page).
    page_is_empty: bool,
    /// A page break is due before what comes next.
    break_before: bool,
}

impl Writer<'_> {
    fn lang(&self) -> &str {
        self.context.lang
    }

    fn styles(&self) -> &Styles {
        self.context.styles
    }

    /// Appends a block's XML, starting a new page first when one is due: as the paragraph's
    /// "page break before" (a break paragraph of its own would leave a blank page after a full
    /// one), or before a table as a break paragraph.
    fn push(&mut self, xml: String) {
        if std::mem::take(&mut self.break_before) {
            match page_break_before(&xml) {
                Some(broken) => {
                    self.xml.push_str(&broken);
                    self.page_is_empty = false;
                    return;
                }
                None => self.xml.push_str("<w:p><w:r><w:br w:type=\"page\"/></w:r></w:p>"),
            }
        }
        self.xml.push_str(&xml);
        self.page_is_empty = false;
    }

    fn block(&mut self, block: &Block, before_contents: bool, listed: &[(u8, &str)]) {
        match block {
            Block::Title { text, subtitle } => {
                let title = paragraph(
                    &self.styles().title,
                    "",
                    &runs(text, RunStyle::default(), self.lang()),
                );
                self.push(title);
                if let Some(subtitle) = subtitle {
                    let runs = runs(subtitle, RunStyle::default(), self.lang());
                    self.push(paragraph(&self.styles().subtitle, "", &runs));
                }
            }
            Block::Heading {
                level,
                text,
                contents,
            } => self.heading(*level, text, *contents, before_contents),
            Block::Contents => self.contents(listed),
            Block::Paragraph { text, style } => self.paragraph(text, *style),
            Block::KeyValues(pairs) => self.key_values(pairs),
            Block::Table(table) => self.table(table),
            Block::BarChart(chart) => {
                let alt = std::iter::once(chart.title.clone())
                    .chain(
                        chart
                            .bars
                            .iter()
                            .map(|b| format!("{}: {}", b.label.trim(), b.annotation)),
                    )
                    .filter(|t| !t.trim().is_empty())
                    .collect::<Vec<_>>()
                    .join("; ");
                self.image(block, &alt);
            }
            Block::Figure(figure) => {
                let alt = figure
                    .shapes
                    .iter()
                    .filter_map(|s| match s {
                        Shape::Label { text, .. } => Some(text.as_str()),
                        _ => None,
                    })
                    .collect::<Vec<_>>()
                    .join("; ");
                self.image(block, &alt);
            }
            Block::Badge { code, label, colour } => self.badge(code, label, *colour),
            Block::Spacer(mm) => {
                let after = (mm.max(0.0) * TWIPS_PER_MM).round() as u32;
                self.push(paragraph(
                    "",
                    &format!(
                        "<w:spacing w:before=\"0\" w:after=\"{after}\" w:line=\"20\" w:lineRule=\"exact\"/>"
                    ),
                    "",
                ));
            }
            Block::PageBreak => {
                if !self.page_is_empty {
                    self.break_before = true;
                    self.page_is_empty = true;
                }
            }
        }
    }

    /// A heading in the template's heading style; one left out of the contents is at the body
    /// text's outline level (the contents' own heading takes the `TOC Heading` style).
    fn heading(&mut self, level: u8, text: &str, contents: bool, before_contents: bool) {
        let index = usize::from(level.clamp(1, 3)) - 1;
        let (style, props) = match (contents, before_contents) {
            (true, _) => (&self.styles().heading[index], ""),
            (false, true) => (&self.styles().toc_heading, ""),
            (false, false) => (&self.styles().heading[index], "<w:outlineLvl w:val=\"9\"/>"),
        };
        let xml = paragraph(style, props, &runs(text, RunStyle::default(), self.lang()));
        self.push(xml);
    }

    /// The `TOC` field over heading levels 1 to 3, marked dirty so that Word fills in the page
    /// numbers when the document is opened; until then it lists the headings without them.
    fn contents(&mut self, listed: &[(u8, &str)]) {
        let begin = "<w:r><w:fldChar w:fldCharType=\"begin\" w:dirty=\"true\"/></w:r>\
            <w:r><w:instrText xml:space=\"preserve\"> TOC \\o \"1-3\" \\h \\z \\u </w:instrText></w:r>\
            <w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>";
        let end = "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r>";
        if listed.is_empty() {
            self.push(paragraph("", "", &format!("{begin}{end}")));
            return;
        }
        for (k, (level, text)) in listed.iter().enumerate() {
            let style = &self.styles().toc[usize::from((*level).clamp(1, 3)) - 1];
            let mut content = runs(text, RunStyle::default(), self.lang());
            if k == 0 {
                content = format!("{begin}{content}");
            }
            if k + 1 == listed.len() {
                content.push_str(end);
            }
            let xml = paragraph(style, "", &content);
            self.push(xml);
        }
    }

    fn paragraph(&mut self, text: &str, style: TextStyle) {
        let (run, props) = match style {
            TextStyle::Normal => (RunStyle::default(), ""),
            TextStyle::Small => (
                RunStyle {
                    size: Some(SMALL_SIZE),
                    ..RunStyle::default()
                },
                "",
            ),
            TextStyle::Muted => (
                RunStyle {
                    colour: Some(MUTED),
                    size: Some(MUTED_SIZE),
                    ..RunStyle::default()
                },
                "<w:keepNext/>",
            ),
            TextStyle::Bold => (
                RunStyle {
                    bold: true,
                    ..RunStyle::default()
                },
                "<w:keepNext/>",
            ),
        };
        let xml = paragraph(&self.styles().normal, props, &runs(text, run, self.lang()));
        self.push(xml);
    }

    /// Label and value pairs: a two-column table without a header row, the labels shaded.
    fn key_values(&mut self, pairs: &[(String, String)]) {
        let width = self.twips(self.context.text_width_mm);
        let widths = [width * 35 / 100, width - width * 35 / 100];
        let rows: String = pairs
            .iter()
            .map(|(label, value)| {
                let label = cell_xml(
                    widths[0],
                    Some(LABEL_FILL),
                    Align::Left,
                    &runs(label, bold(), self.lang()),
                );
                let value = cell_xml(
                    widths[1],
                    None,
                    Align::Left,
                    &runs(value, cell_run(None), self.lang()),
                );
                format!("<w:tr><w:trPr><w:cantSplit/></w:trPr>{label}{value}</w:tr>")
            })
            .collect();
        let xml = self.table_xml(&widths, &rows);
        self.push(xml);
    }

    /// A table with its header row repeated on every page, columns as wide as the PDF's.
    fn table(&mut self, table: &Table) {
        let total = self.twips(self.context.text_width_mm);
        let widths: Vec<u32> = pdf::column_widths_mm(self.context.fonts, table, self.context.text_width_mm)
            .into_iter()
            .map(|mm| self.twips(mm))
            .collect();
        let widths = if widths.iter().sum::<u32>() == 0 {
            vec![total / table.columns.len().max(1) as u32; table.columns.len()]
        } else {
            widths
        };
        let header: String = table
            .columns
            .iter()
            .zip(&widths)
            .map(|(column, width)| {
                let runs = runs(&column.header, bold(), self.lang());
                cell_xml(*width, Some(HEADER_FILL), column.align, &runs)
            })
            .collect();
        let mut rows = format!("<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>{header}</w:tr>");
        for row in &table.rows {
            let cells: String = table
                .columns
                .iter()
                .zip(&widths)
                .enumerate()
                .map(|(i, (column, width))| {
                    let empty = Cell::default();
                    let cell = row.cells.get(i).unwrap_or(&empty);
                    let fill = cell.colour.or(row.shade);
                    let style = RunStyle {
                        bold: cell.bold,
                        ..cell_run(fill)
                    };
                    CellXml {
                        width: *width,
                        fill,
                        align: column.align,
                        // a row keeps with its note: no page between them
                        keep_next: row.note.is_some(),
                        ..CellXml::default()
                    }
                    .xml(&runs(&cell.text, style, self.lang()))
                })
                .collect();
            rows.push_str(&format!("<w:tr><w:trPr><w:cantSplit/></w:trPr>{cells}</w:tr>"));
            if let Some(note) = &row.note {
                rows.push_str(&self.note_row(note, row.shade, &widths));
            }
        }
        let xml = self.table_xml(&widths, &rows);
        self.push(xml);
    }

    /// A row's note as a row of its own, under its cells: an empty first cell, then one cell
    /// across the other columns, as the PDF draws it.
    fn note_row(&self, note: &str, shade: Option<Rgb>, widths: &[u32]) -> String {
        let first = widths.first().copied().unwrap_or(0);
        let rest: u32 = widths.iter().skip(1).sum();
        let note_cell = CellXml {
            width: rest,
            fill: shade,
            span: widths.len().saturating_sub(1),
            ..CellXml::default()
        }
        .xml(&runs(note, cell_run(shade), self.lang()));
        format!(
            "<w:tr><w:trPr><w:cantSplit/></w:trPr>{}{note_cell}</w:tr>",
            cell_xml(first, shade, Align::Left, "")
        )
    }

    /// A band box: one shaded cell with the code and the label.
    fn badge(&mut self, code: &str, label: &str, colour: Rgb) {
        let width = self.twips(self.context.text_width_mm.min(90.0));
        let style = RunStyle {
            bold: true,
            colour: Some(colour.text_on(TEXT)),
            size: Some(24),
        };
        let cell = cell_xml(
            width,
            Some(colour),
            Align::Left,
            &runs(&format!("{code}  {label}"), style, self.lang()),
        );
        let xml = self.table_xml(
            &[width],
            &format!("<w:tr><w:trPr><w:cantSplit/></w:trPr>{cell}</w:tr>"),
        );
        self.push(xml);
    }

    fn table_xml(&self, widths: &[u32], rows: &str) -> String {
        let grid: String = widths
            .iter()
            .map(|w| format!("<w:gridCol w:w=\"{w}\"/>"))
            .collect();
        let total: u32 = widths.iter().sum();
        // An empty paragraph after the table keeps two tables from merging into one.
        format!(
            "<w:tbl><w:tblPr><w:tblStyle w:val=\"{}\"/><w:tblW w:w=\"{total}\" w:type=\"dxa\"/>\
             <w:tblLayout w:type=\"fixed\"/><w:tblCellMar><w:left w:w=\"{CELL_MARGIN}\" w:type=\"dxa\"/>\
             <w:right w:w=\"{CELL_MARGIN}\" w:type=\"dxa\"/></w:tblCellMar><w:tblLook w:val=\"0420\" w:firstRow=\"1\" w:lastRow=\"0\" \
             w:firstColumn=\"0\" w:lastColumn=\"0\" w:noHBand=\"1\" w:noVBand=\"1\"/></w:tblPr>\
             <w:tblGrid>{grid}</w:tblGrid>{rows}</w:tbl>{}",
            self.styles().table,
            paragraph(&self.styles().normal, "<w:spacing w:after=\"60\"/>", ""),
        )
    }

    /// A chart or figure as a PNG, centred, no wider than the text.
    fn image(&mut self, block: &Block, alt: &str) {
        let Some(png) = pdf::png(block, self.context.fonts) else {
            return;
        };
        let scale = (self.context.text_width_mm / png.width_mm).min(1.0);
        let (cx, cy) = (
            (png.width_mm * scale * EMU_PER_MM).round() as u64,
            (png.height_mm * scale * EMU_PER_MM).round() as u64,
        );
        self.images.push(png.bytes);
        let n = self.images.len();
        // ids above those a template's header or footer drawings use
        let id = 1000 + n;
        let alt = escape(alt);
        let rel = image_rel(n);
        let drawing = format!(
            "<w:r><w:drawing><wp:inline distT=\"0\" distB=\"0\" distL=\"0\" distR=\"0\">\
             <wp:extent cx=\"{cx}\" cy=\"{cy}\"/><wp:docPr id=\"{id}\" name=\"Chart {n}\" descr=\"{alt}\"/>\
             <wp:cNvGraphicFramePr><a:graphicFrameLocks noChangeAspect=\"1\"/></wp:cNvGraphicFramePr>\
             <a:graphic><a:graphicData uri=\"http://schemas.openxmlformats.org/drawingml/2006/picture\">\
             <pic:pic><pic:nvPicPr><pic:cNvPr id=\"{id}\" name=\"chart{n}.png\" descr=\"{alt}\"/><pic:cNvPicPr/></pic:nvPicPr>\
             <pic:blipFill><a:blip r:embed=\"{rel}\"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>\
             <pic:spPr><a:xfrm><a:off x=\"0\" y=\"0\"/><a:ext cx=\"{cx}\" cy=\"{cy}\"/></a:xfrm>\
             <a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom></pic:spPr></pic:pic></a:graphicData></a:graphic>\
             </wp:inline></w:drawing></w:r>"
        );
        let xml = paragraph(&self.styles().normal, "<w:jc w:val=\"center\"/>", &drawing);
        self.push(xml);
    }

    fn twips(&self, mm: f32) -> u32 {
        (mm.max(0.0) * TWIPS_PER_MM).round() as u32
    }
}

/// A paragraph's XML with `pageBreakBefore` in its properties, in schema order (after the
/// style, keep-with-next and keep-lines); `None` for anything else, such as a table.
fn page_break_before(xml: &str) -> Option<String> {
    let props = xml.strip_prefix("<w:p><w:pPr>")?;
    let mut at = 0;
    for element in ["<w:pStyle ", "<w:keepNext/>", "<w:keepLines/>"] {
        if props[at..].starts_with(element) {
            at += props[at..].find("/>")? + 2;
        }
    }
    Some(format!(
        "<w:p><w:pPr>{}<w:pageBreakBefore/>{}",
        &props[..at],
        &props[at..]
    ))
}

fn bold() -> RunStyle {
    RunStyle {
        bold: true,
        size: Some(CELL_SIZE),
        ..RunStyle::default()
    }
}

/// A cell's text: dark, or white on a dark fill.
fn cell_run(fill: Option<Rgb>) -> RunStyle {
    RunStyle {
        colour: fill.map(|f| f.text_on(TEXT)),
        size: Some(CELL_SIZE),
        ..RunStyle::default()
    }
}

fn cell_xml(width: u32, fill: Option<Rgb>, align: Align, runs: &str) -> String {
    CellXml {
        width,
        fill,
        align,
        ..CellXml::default()
    }
    .xml(runs)
}

/// A table cell as WordprocessingML.
#[derive(Default)]
struct CellXml {
    width: u32,
    fill: Option<Rgb>,
    align: Align,
    /// Columns of the grid it covers (`w:gridSpan` when more than one).
    span: usize,
    /// Its paragraph keeps with the next one (a row with the note row under it).
    keep_next: bool,
}

impl CellXml {
    fn xml(&self, runs: &str) -> String {
        let grid_span = if self.span > 1 {
            format!("<w:gridSpan w:val=\"{}\"/>", self.span)
        } else {
            String::new()
        };
        let shade = self.fill.map_or_else(String::new, |f| {
            format!("<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"{}\"/>", hex(f))
        });
        let keep = if self.keep_next { "<w:keepNext/>" } else { "" };
        let jc = match self.align {
            Align::Left => "",
            Align::Center => "<w:jc w:val=\"center\"/>",
            Align::Right => "<w:jc w:val=\"right\"/>",
        };
        // no space after a cell's paragraph, whatever the template's body text has
        let props = format!("{keep}<w:spacing w:before=\"0\" w:after=\"0\"/>{jc}");
        // `w:gridSpan` follows `w:tcW`, as the schema orders them
        format!(
            "<w:tc><w:tcPr><w:tcW w:w=\"{}\" w:type=\"dxa\"/>{grid_span}{shade}</w:tcPr>{}</w:tc>",
            self.width,
            paragraph("", &props, runs)
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_page_break_before_goes_after_the_style_and_keep_with_next() {
        let heading = paragraph("Heading1", "<w:keepNext/><w:jc w:val=\"center\"/>", "");
        assert_eq!(
            page_break_before(&heading).unwrap(),
            "<w:p><w:pPr><w:pStyle w:val=\"Heading1\"/><w:keepNext/><w:pageBreakBefore/>\
             <w:jc w:val=\"center\"/></w:pPr></w:p>"
        );
        assert_eq!(page_break_before("<w:tbl></w:tbl>"), None);
    }
}
