//! PDF rendering engine for oversight reports.
//!
//! A report is described as a [`Document`]: metadata plus a list of [`Block`]s.
//! [`layout`] paginates the blocks onto A4 pages and returns positioned items
//! (pure, no PDF involved, easy to test); [`render`] lays out and writes the PDF
//! with printpdf, embedding the faces of a [`FontSet`] that draw something (subset on save).
//!
//! Text is broken into lines by the Unicode rules with English and Ukrainian hyphenation
//! ([`text`](self::text)), right-to-left runs are reordered, and a character no face covers is
//! drawn as [`REPLACEMENT`]; [`glyphs`] finds such characters in the inputs beforehand, so that
//! they can be reported. The outline follows the headings, nested by level, and a
//! [`Block::Contents`] lists them with their page numbers and links to them.
//!
//! Coordinates in a [`Layout`] are millimetres with the origin at the
//! **bottom-left** corner of the page, as in PDF. A text item's `y` is its
//! baseline.
//!
//! The same [`Document`] always gives byte-identical PDF output: dates come from
//! [`Document::date`], and every identifier printpdf would otherwise draw at
//! random (font resource names, the trailer `/ID`) is derived from a hash of the content.

mod archive;
mod bidi;
mod blocks;
mod chart;
pub mod compare;
mod figure;
mod fonts;
pub mod glyphs;
mod hyphenate;
mod layout;
mod marks;
mod outline;
pub mod plan;
mod portfolio;
mod prepare;
mod raster;
mod report;
mod table;
mod text;
mod write;

pub use self::fonts::{FontError, FontSet, REPLACEMENT};
pub use self::layout::{
    CONTENT_BOTTOM, CONTENT_TOP, CONTENT_WIDTH, FOOTER_BASELINE, MARGIN_BOTTOM, MARGIN_LEFT, MARGIN_RIGHT,
    MARGIN_TOP, PAGE_HEIGHT, PAGE_WIDTH,
};
pub use self::portfolio::portfolio_document;
pub use self::raster::{Png, png};
pub use self::report::document;
pub use crate::colour::Rgb;

/// A document described as blocks; the engine paginates and draws it.
#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    /// Metadata title, also the first bookmark.
    pub title: String,
    /// Metadata author (the organisation).
    pub author: String,
    /// Metadata subject.
    pub subject: String,
    /// The document's language (`/Lang`), a BCP 47 tag such as `uk` or `en`.
    pub lang: String,
    /// Creation and modification date written to the metadata (at 00:00 UTC).
    pub date: chrono::NaiveDate,
    /// Running footer, left-hand text (the organisation).
    pub footer_left: String,
    /// Running footer, right-hand text: `{page}` and `{pages}` are replaced,
    /// e.g. `"Page {page} of {pages}"` or `"Сторінка {page} з {pages}"`.
    pub page_label: String,
    /// The classification and draft marks on every page.
    pub marks: PageMarks,
    /// The content, top to bottom.
    pub blocks: Vec<Block>,
}

/// What every page carries besides the footer, in the margins (see [`marks`]).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct PageMarks {
    /// The security classification marking, centred (in capitals) at the top and the bottom.
    pub classification: Option<String>,
    /// A draft's mark, such as "DRAFT": at the top right, and large and pale across the page.
    pub draft: Option<String>,
}

/// One piece of content.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// Big cover title with an optional subtitle.
    Title { text: String, subtitle: Option<String> },
    /// Heading of level 1..=3 (other values are clamped), in the outline nested by level.
    /// Never left alone at the bottom of a page: it moves to the next page unless two lines
    /// of what follows (or a table's header and first row) fit under it, counting any lead-in
    /// paragraphs in between. `contents` lists it in the [`Block::Contents`].
    Heading { level: u8, text: String, contents: bool },
    /// The table of contents: every heading marked `contents`, indented by level, with its
    /// page number and a link to it. The numbers are filled in after pagination.
    Contents,
    /// Wrapped text; an explicit `'\n'` is a line break. `Bold` and `Muted` paragraphs of a
    /// few lines lead in to what follows and stay on its page.
    Paragraph { text: String, style: TextStyle },
    /// Two-column label/value list (cover information); values wrap.
    KeyValues(Vec<(String, String)>),
    /// A table with a repeated header row.
    Table(Table),
    /// Horizontal bar chart.
    BarChart(BarChart),
    /// A vector drawing of a fixed size, centred, never split (scaled down to fit a page).
    Figure(Figure),
    /// A coloured band box with a code and a label, e.g. the overall rating.
    /// It is never split: a label longer than five lines is cut with "…".
    Badge {
        code: String,
        label: String,
        colour: Rgb,
    },
    /// Vertical space in millimetres (dropped at the top of a page).
    Spacer(f32),
    /// Start a new page (ignored when the current page is still empty).
    PageBreak,
}

/// Paragraph text style.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum TextStyle {
    /// 10 pt body text.
    #[default]
    Normal,
    /// 8.5 pt, for notes.
    Small,
    /// 9.5 pt grey, for secondary text; a short one stays with the block that follows.
    Muted,
    /// 10 pt bold; a short one stays with the block that follows.
    Bold,
}

/// A table: columns and rows of cells. Column widths come from the content: each column gets
/// at least its longest word, and the room left goes to the columns whose text would wrap,
/// in proportion to how much wider they would like to be; when everything fits on one line,
/// the spare room is shared by the columns' `width` shares. A table of at most six rows and
/// half a page is never split, and its last row never stands alone at the top of a page.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Table {
    pub columns: Vec<Column>,
    pub rows: Vec<Row>,
}

/// A table column.
#[derive(Debug, Clone, PartialEq)]
pub struct Column {
    /// Header text (bold, on a shaded background, repeated on every page).
    pub header: String,
    /// Share of spare room when every cell fits on one line (non-positive values count as 1).
    pub width: f32,
    /// Horizontal alignment of the header and the cells.
    pub align: Align,
    /// Whether each line of its cells stays whole (a level, "2 — Developing"), up to
    /// [`table::MAX_WHOLE_LINE_W`]: the column is at least that wide.
    pub whole_lines: bool,
}

/// Horizontal alignment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Align {
    #[default]
    Left,
    Center,
    Right,
}

/// A table row; missing cells are drawn empty, extra cells are ignored.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Row {
    pub cells: Vec<Cell>,
    /// Row background.
    pub shade: Option<Rgb>,
    /// A line under the cells, from the second column to the right edge: what would crowd a
    /// column of its own (a comparison's explanation and notes).
    pub note: Option<String>,
}

/// A table cell.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Cell {
    pub text: String,
    pub bold: bool,
    /// Cell background, e.g. a band colour (text turns white on dark colours).
    pub colour: Option<Rgb>,
}

/// Horizontal bar chart.
#[derive(Debug, Clone, PartialEq)]
pub struct BarChart {
    pub title: String,
    pub bars: Vec<Bar>,
    /// Value of a full-length bar, usually 100.
    pub max: f64,
    /// Values with a light vertical gridline and an axis label, e.g. band thresholds.
    pub marks: Vec<f64>,
}

/// One bar of a [`BarChart`].
#[derive(Debug, Clone, PartialEq)]
pub struct Bar {
    pub label: String,
    /// `None` = no score: no bar, an em dash instead.
    pub value: Option<f64>,
    pub colour: Rgb,
    /// Printed after the bar, e.g. `"72.5 B"`.
    pub annotation: String,
}

/// A vector figure: `width` x `height` millimetres, its shapes in millimetres from the top-left
/// corner of that box, y pointing down (as in SVG).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Figure {
    pub width: f32,
    pub height: f32,
    /// Painted in order (later shapes on top).
    pub shapes: Vec<Shape>,
}

/// One shape of a [`Figure`].
#[derive(Debug, Clone, PartialEq)]
pub enum Shape {
    /// A straight line; `width` is the stroke width in points.
    Line {
        from: (f32, f32),
        to: (f32, f32),
        width: f32,
        colour: Rgb,
    },
    /// A closed polygon, filled, outlined or both.
    Polygon(Polygon),
    /// A filled rectangle; `(x, y)` is its top-left corner.
    Rect {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        fill: Rgb,
    },
    /// One line of text whose baseline starts (`Left`), is centred on (`Center`) or ends
    /// (`Right`) at `(x, y)`.
    Label {
        x: f32,
        y: f32,
        text: String,
        /// Font size in points.
        size: f32,
        bold: bool,
        colour: Rgb,
        anchor: Align,
    },
}

/// A closed polygon: its corners, and a fill, an outline or both.
#[derive(Debug, Clone, PartialEq)]
pub struct Polygon {
    pub points: Vec<(f32, f32)>,
    pub fill: Option<Rgb>,
    pub stroke: Option<Stroke>,
}

/// An outline: its width in points and colour.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Stroke {
    pub width: f32,
    pub colour: Rgb,
}

/// Errors of the engine.
#[derive(Debug, thiserror::Error)]
pub enum PdfError {
    /// A font could not be parsed (for measuring or for embedding).
    #[error("cannot parse the font {0}")]
    FontParse(String),
    /// printpdf reported an error while writing the document.
    #[error("PDF writer reported errors: {}", .0.join("; "))]
    Write(Vec<String>),
    /// The writer produced no PDF.
    #[error("PDF writer produced no output")]
    EmptyOutput,
}

/// The paginated document: pages of positioned items, and the outline.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Layout {
    pub pages: Vec<PageLayout>,
    /// Outline entries in document order: the title, then every heading.
    pub bookmarks: Vec<Bookmark>,
}

/// One page: items in painting order (later items are drawn on top), and its links.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct PageLayout {
    pub items: Vec<Item>,
    pub links: Vec<Link>,
}

/// A place in the document: a page and a height on it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Target {
    /// 0-based page index.
    pub page: usize,
    /// Millimetres from the bottom of the page (the top of what is there).
    pub y: f32,
}

/// An outline entry.
#[derive(Debug, Clone, PartialEq)]
pub struct Bookmark {
    pub title: String,
    /// 1 for the title and level-1 headings, 2 and 3 below them.
    pub level: u8,
    pub target: Target,
}

/// A clickable area of a page (bottom-left corner, size) that goes to `target`.
#[derive(Debug, Clone, PartialEq)]
pub struct Link {
    pub x: f32,
    pub y: f32,
    pub w: f32,
    pub h: f32,
    pub target: Target,
}

/// What a text item is, for tests and debugging; it does not affect drawing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    Title,
    Subtitle,
    Heading(u8),
    Body,
    Label,
    Value,
    TableHeader,
    TableCell,
    ChartTitle,
    ChartLabel,
    ChartAxis,
    ChartAnnotation,
    Badge,
    /// A table-of-contents entry and its page number.
    Contents,
    FigureLabel,
    Footer,
    /// The classification marking or a draft mark ([`PageMarks`]).
    PageMark,
}

/// A positioned drawing item (millimetres, origin bottom-left).
#[derive(Debug, Clone, PartialEq)]
pub enum Item {
    /// A run of text in one face; `(x, y)` is the left end of its baseline.
    Text {
        x: f32,
        y: f32,
        /// Font size in points.
        size: f32,
        bold: bool,
        /// The face of the [`FontSet`] that draws it: 0 the embedded regular, 1 the embedded
        /// bold, then the fallbacks.
        face: usize,
        text: String,
        colour: Rgb,
        /// Measured advance width in millimetres.
        width: f32,
        role: Role,
    },
    /// A filled rectangle; `(x, y)` is its bottom-left corner.
    Rect {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        fill: Rgb,
    },
    /// A straight line; `width` is the stroke width in points.
    Line {
        x1: f32,
        y1: f32,
        x2: f32,
        y2: f32,
        width: f32,
        colour: Rgb,
    },
    /// A closed polygon, filled and/or outlined.
    Polygon(Polygon),
}

/// A rendered PDF with the non-fatal messages printpdf reported.
#[derive(Debug, Clone, PartialEq)]
pub struct Rendered {
    pub bytes: Vec<u8>,
    /// printpdf warnings and infos (errors make rendering fail instead).
    pub warnings: Vec<String>,
}

/// Lays the document out: pure, deterministic, no PDF involved.
pub fn layout(doc: &Document, fonts: &FontSet) -> Layout {
    layout::layout(doc, fonts)
}

/// Renders the document to PDF bytes.
pub fn render(doc: &Document, fonts: &FontSet) -> Result<Vec<u8>, PdfError> {
    render_with_warnings(doc, fonts).map(|r| r.bytes)
}

/// Renders the document and also returns printpdf's non-fatal warnings.
pub fn render_with_warnings(doc: &Document, fonts: &FontSet) -> Result<Rendered, PdfError> {
    let laid_out = layout(doc, fonts);
    write::write(doc, &laid_out, fonts)
}

/// Width of `text` on one line in millimetres at `size_pt`, as the layout measures it with
/// `fonts`. Public so that callers and tests can check layouts against the same metrics.
pub fn text_width_mm(fonts: &FontSet, text: &str, size_pt: f32, bold: bool) -> f32 {
    text::Font::new(fonts, bold, size_pt).width(text)
}

/// The widths in millimetres of a table's columns filling `total` millimetres, as the layout
/// shares them out from the content (for writers that draw the table themselves, such as Word).
pub fn column_widths_mm(fonts: &FontSet, table: &Table, total: f32) -> Vec<f32> {
    table::table_widths(fonts, table, total)
}

/// The headings the table of contents lists, with their levels, in order.
pub fn listed_headings(blocks: &[Block]) -> Vec<(u8, &str)> {
    blocks
        .iter()
        .filter_map(|b| match b {
            Block::Heading {
                level,
                text,
                contents: true,
            } => Some((*level, text.as_str())),
            _ => None,
        })
        .collect()
}
