//! PDF rendering engine for oversight reports.
//!
//! A report is described as a [`Document`]: metadata plus a list of [`Block`]s.
//! [`layout`] paginates the blocks onto A4 pages and returns positioned items
//! (pure, no PDF involved, easy to test); [`render`] lays out and writes the PDF
//! with printpdf, embedding DejaVu Sans regular and bold (subset on save).
//!
//! Coordinates in a [`Layout`] are millimetres with the origin at the
//! **bottom-left** corner of the page, as in PDF. A text item's `y` is its
//! baseline.
//!
//! The same [`Document`] always gives byte-identical PDF output: dates come from
//! [`Document::date`], and every identifier printpdf would otherwise draw at
//! random (font resource names, bookmark ids, the trailer `/ID`) is derived
//! from a hash of the content.

mod blocks;
pub mod compare;
mod fonts;
mod layout;
mod portfolio;
mod report;
mod write;

pub use self::fonts::text_width_mm;
pub use self::layout::{
    CONTENT_BOTTOM, CONTENT_TOP, CONTENT_WIDTH, FOOTER_BASELINE, MARGIN_BOTTOM, MARGIN_LEFT, MARGIN_RIGHT,
    MARGIN_TOP, PAGE_HEIGHT, PAGE_WIDTH,
};
pub use self::portfolio::portfolio_document;
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
    /// Creation and modification date written to the metadata (at 00:00 UTC).
    pub date: chrono::NaiveDate,
    /// Running footer, left-hand text (the organisation).
    pub footer_left: String,
    /// Running footer, right-hand text: `{page}` and `{pages}` are replaced,
    /// e.g. `"Page {page} of {pages}"` or `"Сторінка {page} з {pages}"`.
    pub page_label: String,
    /// The content, top to bottom.
    pub blocks: Vec<Block>,
}

/// One piece of content.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// Big cover title with an optional subtitle.
    Title { text: String, subtitle: Option<String> },
    /// Heading of level 1..=3 (other values are clamped). Never left alone at
    /// the bottom of a page: it moves to the next page unless the first lines
    /// of the following block fit under it (except before a `PageBreak` or at
    /// the very end). `bookmark` adds it to the outline.
    Heading { level: u8, text: String, bookmark: bool },
    /// Wrapped text; an explicit `'\n'` is a line break.
    Paragraph { text: String, style: TextStyle },
    /// Two-column label/value list (cover information); values wrap.
    KeyValues(Vec<(String, String)>),
    /// A table with a repeated header row.
    Table(Table),
    /// Horizontal bar chart.
    BarChart(BarChart),
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
    /// 9.5 pt grey, for secondary text.
    Muted,
    /// 10 pt bold; kept on a page with the block that follows.
    Bold,
}

/// A table: columns with relative widths and rows of cells.
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
    /// Relative share of the table width (non-positive values count as 1).
    pub width: f32,
    /// Horizontal alignment of the header and the cells.
    pub align: Align,
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

/// Errors of the engine.
#[derive(Debug, thiserror::Error)]
pub enum PdfError {
    /// An embedded font could not be parsed (for measuring or for embedding).
    #[error("cannot parse embedded font: {0}")]
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
    /// Outline entries in document order.
    pub bookmarks: Vec<Bookmark>,
}

/// One page: items in painting order (later items are drawn on top).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct PageLayout {
    pub items: Vec<Item>,
}

/// An outline entry.
#[derive(Debug, Clone, PartialEq)]
pub struct Bookmark {
    pub title: String,
    /// 0-based page index.
    pub page: usize,
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
    Footer,
}

/// A positioned drawing item (millimetres, origin bottom-left).
#[derive(Debug, Clone, PartialEq)]
pub enum Item {
    /// One line of text; `(x, y)` is the left end of its baseline.
    Text {
        x: f32,
        y: f32,
        /// Font size in points.
        size: f32,
        bold: bool,
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
}

/// A rendered PDF with the non-fatal messages printpdf reported.
#[derive(Debug, Clone, PartialEq)]
pub struct Rendered {
    pub bytes: Vec<u8>,
    /// printpdf warnings and infos (errors make rendering fail instead).
    pub warnings: Vec<String>,
}

/// Lays the document out: pure, deterministic, no PDF involved.
pub fn layout(doc: &Document) -> Result<Layout, PdfError> {
    layout::layout(doc, fonts::fonts()?)
}

/// Renders the document to PDF bytes.
pub fn render(doc: &Document) -> Result<Vec<u8>, PdfError> {
    render_with_warnings(doc).map(|r| r.bytes)
}

/// Renders the document and also returns printpdf's non-fatal warnings.
pub fn render_with_warnings(doc: &Document) -> Result<Rendered, PdfError> {
    let laid_out = layout(doc)?;
    write::write(doc, &laid_out)
}
