//! Pagination: turns [`Block`]s into pages of positioned [`Item`]s.
//!
//! Every block is first *prepared* (wrapped and measured into chunks that do
//! not depend on the page), then *placed* by a [`Pager`] that breaks pages
//! between chunks. No chunk is taller than one line of text or one table-row
//! fragment that fits on an empty page, so nothing can overflow the bottom
//! margin. Coordinates are millimetres, origin bottom-left.

use super::fonts::{FaceMetrics, Fonts, MM_PER_PT};
use super::{
    Align, BarChart, Block, Bookmark, Document, Item, Layout, PageLayout, Rgb, Role, Table, TextStyle,
};

/// A4 width.
pub const PAGE_WIDTH: f32 = 210.0;
/// A4 height.
pub const PAGE_HEIGHT: f32 = 297.0;
/// Left margin.
pub const MARGIN_LEFT: f32 = 18.0;
/// Right margin.
pub const MARGIN_RIGHT: f32 = 18.0;
/// Top margin.
pub const MARGIN_TOP: f32 = 18.0;
/// Bottom margin of the content; the running footer sits inside it.
pub const MARGIN_BOTTOM: f32 = 20.0;
/// Lowest y any content (not the footer) may reach.
pub const CONTENT_BOTTOM: f32 = MARGIN_BOTTOM;
/// Highest y of content.
pub const CONTENT_TOP: f32 = PAGE_HEIGHT - MARGIN_TOP;
/// Width between the margins.
pub const CONTENT_WIDTH: f32 = PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT;
/// Baseline of the running footer text.
pub const FOOTER_BASELINE: f32 = 11.0;
/// The thin rule above the footer.
const FOOTER_RULE_Y: f32 = 15.5;

const CONTENT_HEIGHT: f32 = CONTENT_TOP - CONTENT_BOTTOM;
const RIGHT_EDGE: f32 = PAGE_WIDTH - MARGIN_RIGHT;
const EPS: f32 = 1e-3;

/// DejaVu Sans ascender and descender, in em.
const ASCENT: f32 = 0.928;
const DESCENT: f32 = 0.236;

// Palette: calm, high-contrast text; muted greys for rules and fills.
const TEXT: Rgb = Rgb(0x22, 0x26, 0x2b);
const MUTED: Rgb = Rgb(0x5f, 0x66, 0x72);
const HEADING: Rgb = Rgb(0x1b, 0x2a, 0x41);
const RULE: Rgb = Rgb(0xc8, 0xcd, 0xd4);
const RULE_STRONG: Rgb = Rgb(0x9a, 0xa3, 0xae);
const HEADER_FILL: Rgb = Rgb(0xec, 0xef, 0xf3);
const GRID: Rgb = Rgb(0xdd, 0xe1, 0xe6);

// Body text.
const BODY_SIZE: f32 = 10.0;
const LINE_FACTOR: f32 = 1.4;
const PARA_SPACE: f32 = 2.6;

// Tables.
const CELL_SIZE: f32 = 9.0;
const CELL_LINE_FACTOR: f32 = 1.3;
const CELL_PAD_H: f32 = 1.8;
const CELL_PAD_V: f32 = 1.5;
const BLOCK_SPACE: f32 = 4.0;

// Bar charts.
const CHART_LABEL_SIZE: f32 = 8.5;
const CHART_TITLE_SIZE: f32 = 10.5;
const BAR_HEIGHT: f32 = 4.0;
const BAR_GAP: f32 = 2.4;

/// Point size to a line height in millimetres.
fn line_height(size: f32, factor: f32) -> f32 {
    size * factor * MM_PER_PT
}

/// Distance from the top of a line box to the baseline.
fn baseline_in_line(size: f32, lh: f32) -> f32 {
    let s = size * MM_PER_PT;
    (lh - (ASCENT + DESCENT) * s) / 2.0 + ASCENT * s
}

/// One wrapped line with its measured width.
#[derive(Debug, Clone)]
struct Line {
    text: String,
    width: f32,
}

/// Replaces what the fonts cannot draw: tabs become spaces, control characters
/// and soft hyphens go, characters the face has no glyph for become `?`.
fn clean(face: &FaceMetrics, text: &str) -> String {
    text.chars()
        .filter_map(|c| match c {
            '\n' => Some('\n'),
            '\t' => Some(' '),
            '\u{ad}' => None,
            c if c.is_control() => None,
            c if face.has_glyph(c) => Some(c),
            _ => Some('?'),
        })
        .collect()
}

/// Wraps `text` to `max_w` millimetres: breaks on spaces, honours `'\n'`,
/// breaks words longer than a line by characters (at least one per line).
fn wrap(face: &FaceMetrics, text: &str, size: f32, max_w: f32) -> Vec<Line> {
    let text = clean(face, text);
    let space_w = face.char_width_mm(' ', size);
    let mut out = Vec::new();
    for segment in text.split('\n') {
        let mut cur = String::new();
        let mut cur_w = 0.0_f32;
        for word in segment.split(' ').filter(|w| !w.is_empty()) {
            let ww = face.width_mm(word, size);
            if !cur.is_empty() {
                if cur_w + space_w + ww <= max_w + EPS {
                    cur.push(' ');
                    cur.push_str(word);
                    cur_w += space_w + ww;
                    continue;
                }
                out.push(Line {
                    text: std::mem::take(&mut cur),
                    width: cur_w,
                });
                cur_w = 0.0;
            }
            if ww <= max_w + EPS {
                cur.push_str(word);
                cur_w = ww;
            } else {
                // Break the long word by characters.
                for c in word.chars() {
                    let cw = face.char_width_mm(c, size);
                    if !cur.is_empty() && cur_w + cw > max_w + EPS {
                        out.push(Line {
                            text: std::mem::take(&mut cur),
                            width: cur_w,
                        });
                        cur_w = 0.0;
                    }
                    cur.push(c);
                    cur_w += cw;
                }
            }
        }
        out.push(Line {
            text: cur,
            width: cur_w,
        });
    }
    out
}

/// Shortens `text` with an ellipsis so that it fits `max_w`.
fn truncate(face: &FaceMetrics, text: &str, size: f32, max_w: f32) -> Line {
    let text = clean(face, text).replace('\n', " ");
    let width = face.width_mm(&text, size);
    if width <= max_w + EPS {
        return Line { text, width };
    }
    let ell_w = face.char_width_mm('…', size);
    let mut out = String::new();
    let mut w = 0.0;
    for c in text.chars() {
        let cw = face.char_width_mm(c, size);
        if w + cw + ell_w > max_w + EPS {
            break;
        }
        out.push(c);
        w += cw;
    }
    let trimmed = out.trim_end().to_string();
    let w = face.width_mm(&trimmed, size);
    Line {
        text: format!("{trimmed}…"),
        width: w + ell_w,
    }
}

/// The text colour (dark or white) that reads best on `bg`.
fn text_on(bg: Rgb) -> Rgb {
    bg.text_on(TEXT)
}

/// `c` mixed with white; `amount` = share of white.
fn tint(c: Rgb, amount: f32) -> Rgb {
    let mix = |v: u8| {
        let v = f32::from(v);
        (v + (255.0 - v) * amount).round().clamp(0.0, 255.0) as u8
    };
    Rgb(mix(c.0), mix(c.1), mix(c.2))
}

/// Formats an axis value without a needless `.0`.
fn format_value(v: f64) -> String {
    if (v - v.round()).abs() < 1e-9 {
        format!("{}", v.round() as i64)
    } else {
        format!("{v:.1}")
    }
}

/// A piece of content that is never split across pages. Item `y`s are
/// measured *downwards from the chunk's top* until [`Chunk::placed`] turns
/// them into page coordinates; a rect's `y` is its top edge.
#[derive(Debug, Clone, Default)]
struct Chunk {
    height: f32,
    items: Vec<Item>,
}

impl Chunk {
    fn new(height: f32) -> Self {
        Self {
            height,
            items: Vec::new(),
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn text(&mut self, x: f32, baseline: f32, size: f32, bold: bool, line: &Line, colour: Rgb, role: Role) {
        if line.text.is_empty() {
            return;
        }
        self.items.push(Item::Text {
            x,
            y: baseline,
            size,
            bold,
            text: line.text.clone(),
            colour,
            width: line.width,
            role,
        });
    }

    fn rect(&mut self, x: f32, top: f32, w: f32, h: f32, fill: Rgb) {
        if w > 0.0 && h > 0.0 {
            self.items.push(Item::Rect {
                x,
                y: top,
                w,
                h,
                fill,
            });
        }
    }

    fn line(&mut self, x1: f32, y1: f32, x2: f32, y2: f32, width: f32, colour: Rgb) {
        self.items.push(Item::Line {
            x1,
            y1,
            x2,
            y2,
            width,
            colour,
        });
    }

    /// The items in page coordinates, with the chunk's top at `top`.
    fn placed(&self, top: f32) -> impl Iterator<Item = Item> + '_ {
        self.items.iter().map(move |item| match item {
            Item::Text {
                x,
                y,
                size,
                bold,
                text,
                colour,
                width,
                role,
            } => Item::Text {
                x: *x,
                y: top - y,
                size: *size,
                bold: *bold,
                text: text.clone(),
                colour: *colour,
                width: *width,
                role: *role,
            },
            Item::Rect { x, y, w, h, fill } => Item::Rect {
                x: *x,
                y: top - y - h,
                w: *w,
                h: *h,
                fill: *fill,
            },
            Item::Line {
                x1,
                y1,
                x2,
                y2,
                width,
                colour,
            } => Item::Line {
                x1: *x1,
                y1: top - y1,
                x2: *x2,
                y2: top - y2,
                width: *width,
                colour: *colour,
            },
        })
    }
}

/// Places chunks top to bottom and breaks pages.
struct Pager {
    pages: Vec<Vec<Item>>,
    cursor: f32,
    /// Block spacing still to apply before the next chunk (dropped at a page top).
    pending: f32,
    bookmarks: Vec<Bookmark>,
}

impl Pager {
    fn new() -> Self {
        Self {
            pages: vec![Vec::new()],
            cursor: CONTENT_TOP,
            pending: 0.0,
            bookmarks: Vec::new(),
        }
    }

    fn at_top(&self) -> bool {
        self.cursor >= CONTENT_TOP - EPS
    }

    fn page_index(&self) -> usize {
        self.pages.len().saturating_sub(1)
    }

    /// Space left for content, counting the pending block spacing as used.
    fn remaining(&self) -> f32 {
        let pending = if self.at_top() { 0.0 } else { self.pending };
        self.cursor - pending - CONTENT_BOTTOM
    }

    fn new_page(&mut self) {
        self.pages.push(Vec::new());
        self.cursor = CONTENT_TOP;
        self.pending = 0.0;
    }

    /// Starts a new page unless `need` millimetres fit (or the page is empty).
    fn ensure(&mut self, need: f32) {
        if need > self.remaining() + EPS && !self.at_top() {
            self.new_page();
        }
    }

    /// Block spacing: collapses with adjacent spacing, dropped at a page top.
    fn space(&mut self, mm: f32) {
        self.pending = self.pending.max(mm);
    }

    /// An explicit spacer: kept even at the top of a page.
    fn spacer(&mut self, mm: f32) {
        if mm.is_finite() && mm > 0.0 {
            self.cursor -= self.pending + mm;
            self.pending = 0.0;
        }
    }

    fn place(&mut self, chunk: &Chunk) {
        self.ensure(chunk.height);
        if !self.at_top() {
            self.cursor -= self.pending;
        }
        self.pending = 0.0;
        let top = self.cursor;
        if let Some(page) = self.pages.last_mut() {
            page.extend(chunk.placed(top));
        }
        self.cursor -= chunk.height;
    }
}

/// A block of chunks placed in sequence.
struct Flow {
    space_before: f32,
    space_after: f32,
    chunks: Vec<Chunk>,
    /// Move the whole flow to the next page if it fits on one page.
    keep_together: bool,
    /// A heading: keep it with the start of the next block.
    keep_with_next: bool,
    /// Orphan and widow control (paragraphs).
    lines_control: bool,
    bookmark: Option<String>,
}

impl Flow {
    fn total(&self) -> f32 {
        self.chunks.iter().map(|c| c.height).sum()
    }

    fn sum(&self, from: usize, n: usize) -> f32 {
        self.chunks.iter().skip(from).take(n).map(|c| c.height).sum()
    }

    /// Height that must fit before the first chunk is placed.
    fn first_need(&self) -> f32 {
        let total = self.total();
        if self.keep_together && total <= CONTENT_HEIGHT {
            return total;
        }
        let n = self.chunks.len();
        if self.lines_control && n == 3 {
            return total;
        }
        self.sum(0, 2)
    }
}

/// A table with widths resolved and cells wrapped.
struct PreparedTable {
    col_x: Vec<f32>,
    col_w: Vec<f32>,
    header: Chunk,
    rows: Vec<PreparedRow>,
    line_h: f32,
}

struct PreparedCell {
    lines: Vec<Line>,
    bold: bool,
    fill: Option<Rgb>,
    colour: Rgb,
    align: Align,
}

struct PreparedRow {
    cells: Vec<PreparedCell>,
    shade: Option<Rgb>,
    lines: usize,
}

impl PreparedTable {
    fn row_height(&self, lines: usize) -> f32 {
        lines as f32 * self.line_h + 2.0 * CELL_PAD_V
    }

    /// The fragment of `row` holding lines `from..to`.
    fn row_chunk(&self, row: &PreparedRow, from: usize, to: usize) -> Chunk {
        let h = self.row_height(to - from);
        let mut chunk = Chunk::new(h);
        if let Some(shade) = row.shade {
            chunk.rect(MARGIN_LEFT, 0.0, CONTENT_WIDTH, h, shade);
        }
        for (i, cell) in row.cells.iter().enumerate() {
            if let (Some(fill), Some(x), Some(w)) = (cell.fill, self.col_x.get(i), self.col_w.get(i)) {
                // Inset, so the row rules stay visible between coloured cells.
                chunk.rect(x + 0.3, 0.3, w - 0.6, h - 0.6, fill);
            }
        }
        let bl = baseline_in_line(CELL_SIZE, self.line_h);
        for (i, cell) in row.cells.iter().enumerate() {
            let (Some(&x), Some(&w)) = (self.col_x.get(i), self.col_w.get(i)) else {
                continue;
            };
            for (k, line) in cell.lines.iter().enumerate().take(to).skip(from) {
                let y = CELL_PAD_V + (k - from) as f32 * self.line_h + bl;
                let lx = aligned_x(x, w, line.width, cell.align);
                chunk.text(lx, y, CELL_SIZE, cell.bold, line, cell.colour, Role::TableCell);
            }
        }
        chunk.line(MARGIN_LEFT, h, RIGHT_EDGE, h, 0.35, RULE);
        chunk
    }

    /// What must fit under a heading: the header and the first row (or its
    /// first two lines when the row cannot fit on any page).
    fn first_need(&self) -> f32 {
        let hh = self.header.height;
        match self.rows.first() {
            None => hh,
            Some(row) => {
                let full = self.row_height(row.lines);
                if hh + full <= CONTENT_HEIGHT {
                    hh + full
                } else {
                    hh + self.row_height(row.lines.min(2))
                }
            }
        }
    }
}

fn aligned_x(x: f32, w: f32, text_w: f32, align: Align) -> f32 {
    let left = x + CELL_PAD_H;
    match align {
        Align::Left => left,
        Align::Right => (x + w - CELL_PAD_H - text_w).max(left),
        Align::Center => (x + (w - text_w) / 2.0).max(left),
    }
}

enum Prepared {
    Flow(Flow),
    Table(PreparedTable),
    Spacer(f32),
    PageBreak,
}

impl Prepared {
    /// Height of this block's first lines, as needed under a heading.
    fn lead(&self) -> f32 {
        match self {
            Prepared::Flow(f) => f.space_before + f.first_need(),
            Prepared::Table(t) => BLOCK_SPACE + t.first_need(),
            Prepared::Spacer(mm) => *mm,
            Prepared::PageBreak => 0.0,
        }
    }
}

/// Lays out a whole document.
pub(super) fn layout(doc: &Document, fonts: &Fonts) -> Result<Layout, super::PdfError> {
    let prepared: Vec<Prepared> = doc.blocks.iter().map(|b| prepare(b, fonts)).collect();

    let mut pager = Pager::new();
    if !doc.title.trim().is_empty() {
        pager.bookmarks.push(Bookmark {
            title: doc.title.trim().to_string(),
            page: 0,
        });
    }

    for (i, block) in prepared.iter().enumerate() {
        match block {
            Prepared::Flow(flow) => {
                let need = if flow.keep_with_next {
                    flow.total() + flow.space_after + lead_after(&prepared, i + 1)
                } else {
                    flow.first_need()
                };
                pager.space(flow.space_before);
                pager.ensure(need.min(CONTENT_HEIGHT));
                if let Some(title) = &flow.bookmark {
                    pager.bookmarks.push(Bookmark {
                        title: title.clone(),
                        page: pager.page_index(),
                    });
                }
                place_flow(&mut pager, flow);
                pager.space(flow.space_after);
            }
            Prepared::Table(table) => {
                pager.space(BLOCK_SPACE);
                place_table(&mut pager, table);
                pager.space(BLOCK_SPACE);
            }
            Prepared::Spacer(mm) => pager.spacer(*mm),
            Prepared::PageBreak => {
                if !pager.at_top() {
                    pager.new_page();
                }
            }
        }
    }

    let mut pages: Vec<PageLayout> = pager
        .pages
        .into_iter()
        .map(|items| PageLayout { items })
        .collect();
    add_footers(doc, fonts, &mut pages);
    Ok(Layout {
        pages,
        bookmarks: pager.bookmarks,
    })
}

/// Height needed after a heading: the lead of the following block; spacers
/// and further headings are kept together with what follows them.
fn lead_after(prepared: &[Prepared], from: usize) -> f32 {
    let mut total = 0.0;
    for block in prepared.iter().skip(from) {
        match block {
            Prepared::Spacer(mm) => total += mm,
            Prepared::Flow(f) if f.keep_with_next => {
                total += f.space_before + f.total() + f.space_after;
            }
            other => return total + other.lead(),
        }
        if total > CONTENT_HEIGHT {
            break;
        }
    }
    total
}

fn place_flow(pager: &mut Pager, flow: &Flow) {
    let n = flow.chunks.len();
    for (i, chunk) in flow.chunks.iter().enumerate() {
        if i == 0 {
            pager.ensure(flow.first_need());
        } else if flow.lines_control && n >= 4 && i == n - 2 {
            // Widow control: never leave the last line alone on a new page.
            pager.ensure(flow.sum(i, 2));
        }
        pager.place(chunk);
    }
}

fn place_table(pager: &mut Pager, table: &PreparedTable) {
    if table.col_w.is_empty() {
        return;
    }
    let hh = table.header.height;
    pager.ensure(table.first_need());
    pager.place(&table.header);
    for row in &table.rows {
        let full = table.row_height(row.lines);
        if full <= pager.remaining() + EPS {
            pager.place(&table.row_chunk(row, 0, row.lines));
            continue;
        }
        if hh + full <= CONTENT_HEIGHT {
            pager.new_page();
            pager.place(&table.header);
            pager.place(&table.row_chunk(row, 0, row.lines));
            continue;
        }
        // Taller than a page: split the row by lines.
        let mut from = 0;
        while from < row.lines {
            let avail = pager.remaining() - 2.0 * CELL_PAD_V;
            let fit = if avail > 0.0 {
                ((avail + EPS) / table.line_h).floor() as usize
            } else {
                0
            };
            if fit == 0 {
                pager.new_page();
                pager.place(&table.header);
                continue;
            }
            let to = (from + fit).min(row.lines);
            pager.place(&table.row_chunk(row, from, to));
            from = to;
            if from < row.lines {
                pager.new_page();
                pager.place(&table.header);
            }
        }
    }
}

fn prepare(block: &Block, fonts: &Fonts) -> Prepared {
    match block {
        Block::Title { text, subtitle } => prepare_title(fonts, text, subtitle.as_deref()),
        Block::Heading {
            level,
            text,
            bookmark,
        } => prepare_heading(fonts, *level, text, *bookmark),
        Block::Paragraph { text, style } => prepare_paragraph(fonts, text, *style),
        Block::KeyValues(pairs) => prepare_key_values(fonts, pairs),
        Block::Table(table) => prepare_table(fonts, table),
        Block::BarChart(chart) => prepare_chart(fonts, chart),
        Block::Badge { code, label, colour } => prepare_badge(fonts, code, label, *colour),
        Block::Spacer(mm) => Prepared::Spacer(if mm.is_finite() { mm.max(0.0) } else { 0.0 }),
        Block::PageBreak => Prepared::PageBreak,
    }
}

/// One chunk per wrapped line.
fn line_chunks(
    face: &FaceMetrics,
    text: &str,
    size: f32,
    factor: f32,
    bold: bool,
    colour: Rgb,
    role: Role,
) -> Vec<Chunk> {
    let lh = line_height(size, factor);
    let bl = baseline_in_line(size, lh);
    wrap(face, text, size, CONTENT_WIDTH)
        .iter()
        .map(|line| {
            let mut c = Chunk::new(lh);
            c.text(MARGIN_LEFT, bl, size, bold, line, colour, role);
            c
        })
        .collect()
}

fn prepare_title(fonts: &Fonts, text: &str, subtitle: Option<&str>) -> Prepared {
    let mut chunks = line_chunks(&fonts.bold, text, 22.0, 1.2, true, HEADING, Role::Title);
    if let Some(sub) = subtitle.filter(|s| !s.trim().is_empty()) {
        chunks.push(Chunk::new(2.0));
        chunks.extend(line_chunks(
            &fonts.regular,
            sub,
            13.0,
            1.3,
            false,
            MUTED,
            Role::Subtitle,
        ));
    }
    // An accent rule under the title.
    let mut rule = Chunk::new(6.0);
    rule.line(MARGIN_LEFT, 3.5, MARGIN_LEFT + 30.0, 3.5, 2.0, HEADING);
    chunks.push(rule);
    Prepared::Flow(Flow {
        space_before: 0.0,
        space_after: 4.0,
        chunks,
        keep_together: true,
        keep_with_next: false,
        lines_control: false,
        bookmark: None,
    })
}

fn prepare_heading(fonts: &Fonts, level: u8, text: &str, bookmark: bool) -> Prepared {
    let level = level.clamp(1, 3);
    let (size, before, after, colour) = match level {
        1 => (15.0, 8.0, 3.0, HEADING),
        2 => (12.5, 6.0, 2.0, HEADING),
        _ => (10.5, 4.5, 1.5, TEXT),
    };
    let mut chunks = line_chunks(&fonts.bold, text, size, 1.25, true, colour, Role::Heading(level));
    if level == 1 {
        let mut rule = Chunk::new(1.5);
        rule.line(MARGIN_LEFT, 0.8, RIGHT_EDGE, 0.8, 0.5, RULE);
        chunks.push(rule);
    }
    let title = text.split_whitespace().collect::<Vec<_>>().join(" ");
    Prepared::Flow(Flow {
        space_before: before,
        space_after: after,
        chunks,
        keep_together: true,
        keep_with_next: true,
        lines_control: false,
        bookmark: (bookmark && !title.is_empty()).then_some(title),
    })
}

fn prepare_paragraph(fonts: &Fonts, text: &str, style: TextStyle) -> Prepared {
    let (size, bold, colour) = match style {
        TextStyle::Normal => (BODY_SIZE, false, TEXT),
        TextStyle::Small => (8.5, false, TEXT),
        TextStyle::Muted => (9.5, false, MUTED),
        TextStyle::Bold => (BODY_SIZE, true, TEXT),
    };
    let chunks = line_chunks(
        fonts.face(bold),
        text,
        size,
        LINE_FACTOR,
        bold,
        colour,
        Role::Body,
    );
    // A bold paragraph leads in to what follows (an indicator's title): keep them together.
    Prepared::Flow(Flow {
        space_before: PARA_SPACE,
        space_after: PARA_SPACE,
        chunks,
        keep_together: false,
        keep_with_next: style == TextStyle::Bold,
        lines_control: true,
        bookmark: None,
    })
}

fn prepare_key_values(fonts: &Fonts, pairs: &[(String, String)]) -> Prepared {
    let label_size = 9.5;
    let lh = line_height(BODY_SIZE, LINE_FACTOR);
    let widest = pairs
        .iter()
        .map(|(k, _)| fonts.regular.width_mm(&clean(&fonts.regular, k), label_size))
        .fold(0.0_f32, f32::max);
    let label_w = (widest + 6.0).clamp(30.0, 70.0);
    let value_x = MARGIN_LEFT + label_w;
    let value_w = CONTENT_WIDTH - label_w;
    let mut chunks = Vec::new();
    for (k, v) in pairs {
        let labels = wrap(&fonts.regular, k, label_size, label_w - 4.0);
        let values = wrap(&fonts.regular, v, BODY_SIZE, value_w);
        let n = labels.len().max(values.len());
        for i in 0..n {
            let last = i + 1 == n;
            let mut c = Chunk::new(if last { lh + 1.2 } else { lh });
            if let Some(l) = labels.get(i) {
                c.text(
                    MARGIN_LEFT,
                    baseline_in_line(BODY_SIZE, lh),
                    label_size,
                    false,
                    l,
                    MUTED,
                    Role::Label,
                );
            }
            if let Some(v) = values.get(i) {
                c.text(
                    value_x,
                    baseline_in_line(BODY_SIZE, lh),
                    BODY_SIZE,
                    false,
                    v,
                    TEXT,
                    Role::Value,
                );
            }
            chunks.push(c);
        }
    }
    Prepared::Flow(Flow {
        space_before: BLOCK_SPACE,
        space_after: BLOCK_SPACE,
        chunks,
        keep_together: true,
        keep_with_next: false,
        lines_control: false,
        bookmark: None,
    })
}

fn prepare_table(fonts: &Fonts, table: &Table) -> Prepared {
    let shares: Vec<f32> = table
        .columns
        .iter()
        .map(|c| {
            if c.width.is_finite() && c.width > 0.0 {
                c.width
            } else {
                1.0
            }
        })
        .collect();
    // Each column at least as wide as the longest word of its header, so
    // that headers never break inside a word (when the page allows it).
    let mins: Vec<f32> = table
        .columns
        .iter()
        .map(|c| {
            let word = clean(&fonts.bold, &c.header)
                .split_whitespace()
                .map(|w| fonts.bold.width_mm(w, CELL_SIZE))
                .fold(0.0_f32, f32::max);
            word + 2.0 * CELL_PAD_H + 0.2
        })
        .collect();
    let col_w = column_widths(&shares, &mins, CONTENT_WIDTH);
    let mut col_x = Vec::with_capacity(col_w.len());
    let mut x = MARGIN_LEFT;
    for w in &col_w {
        col_x.push(x);
        x += w;
    }
    let line_h = line_height(CELL_SIZE, CELL_LINE_FACTOR);
    let text_w = |i: usize| (col_w.get(i).copied().unwrap_or(0.0) - 2.0 * CELL_PAD_H).max(1.0);

    // Header row.
    let header_cells: Vec<Vec<Line>> = table
        .columns
        .iter()
        .enumerate()
        .map(|(i, c)| wrap(&fonts.bold, &c.header, CELL_SIZE, text_w(i)))
        .collect();
    let header_lines = header_cells.iter().map(Vec::len).max().unwrap_or(1).max(1);
    let hh = header_lines as f32 * line_h + 2.0 * CELL_PAD_V;
    let mut header = Chunk::new(hh);
    if !col_w.is_empty() {
        header.rect(MARGIN_LEFT, 0.0, CONTENT_WIDTH, hh, HEADER_FILL);
        header.line(MARGIN_LEFT, 0.0, RIGHT_EDGE, 0.0, 0.6, RULE_STRONG);
        let bl = baseline_in_line(CELL_SIZE, line_h);
        for (i, lines) in header_cells.iter().enumerate() {
            let align = table.columns.get(i).map(|c| c.align).unwrap_or_default();
            for (k, line) in lines.iter().enumerate() {
                let lx = aligned_x(col_x[i], col_w[i], line.width, align);
                header.text(
                    lx,
                    CELL_PAD_V + k as f32 * line_h + bl,
                    CELL_SIZE,
                    true,
                    line,
                    HEADING,
                    Role::TableHeader,
                );
            }
        }
        header.line(MARGIN_LEFT, hh, RIGHT_EDGE, hh, 0.6, RULE_STRONG);
    }

    let rows = table
        .rows
        .iter()
        .map(|row| {
            let cells: Vec<PreparedCell> = table
                .columns
                .iter()
                .enumerate()
                .map(|(i, col)| {
                    let cell = row.cells.get(i);
                    let bold = cell.is_some_and(|c| c.bold);
                    let text = cell.map(|c| c.text.as_str()).unwrap_or("");
                    let fill = cell.and_then(|c| c.colour);
                    let bg = fill.or(row.shade);
                    PreparedCell {
                        lines: wrap(fonts.face(bold), text, CELL_SIZE, text_w(i)),
                        bold,
                        fill,
                        colour: bg.map(text_on).unwrap_or(TEXT),
                        align: col.align,
                    }
                })
                .collect();
            let lines = cells.iter().map(|c| c.lines.len()).max().unwrap_or(1).max(1);
            PreparedRow {
                cells,
                shade: row.shade,
                lines,
            }
        })
        .collect();

    Prepared::Table(PreparedTable {
        col_x,
        col_w,
        header,
        rows,
        line_h,
    })
}

/// Splits `total` by `shares`, raising columns below their minimum and taking
/// the difference from the others proportionally. Falls back to the plain
/// proportional split when the minimums cannot all be met.
fn column_widths(shares: &[f32], mins: &[f32], total: f32) -> Vec<f32> {
    let sum: f32 = shares.iter().sum();
    let plain: Vec<f32> = shares.iter().map(|s| total * s / sum).collect();
    if mins.iter().sum::<f32>() > total {
        return plain;
    }
    let mut fixed: Vec<Option<f32>> = vec![None; shares.len()];
    // Each pass fixes at least one more column or stops, so this terminates.
    for _ in 0..shares.len() {
        let fixed_sum: f32 = fixed.iter().flatten().sum();
        let free_share: f32 = shares
            .iter()
            .zip(&fixed)
            .filter(|(_, f)| f.is_none())
            .map(|(s, _)| s)
            .sum();
        let mut changed = false;
        for i in 0..shares.len() {
            if fixed[i].is_none() {
                let w = (total - fixed_sum) * shares[i] / free_share.max(f32::MIN_POSITIVE);
                if w < mins[i] {
                    fixed[i] = Some(mins[i]);
                    changed = true;
                }
            }
        }
        if !changed {
            break;
        }
    }
    let fixed_sum: f32 = fixed.iter().flatten().sum();
    let free_share: f32 = shares
        .iter()
        .zip(&fixed)
        .filter(|(_, f)| f.is_none())
        .map(|(s, _)| s)
        .sum();
    shares
        .iter()
        .zip(&fixed)
        .map(|(s, f)| f.unwrap_or_else(|| (total - fixed_sum) * s / free_share.max(f32::MIN_POSITIVE)))
        .collect()
}

fn prepare_chart(fonts: &Fonts, chart: &BarChart) -> Prepared {
    let reg = &fonts.regular;
    let size = CHART_LABEL_SIZE;
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
        .map(|b| truncate(reg, &b.annotation, size, 40.0))
        .collect();
    let dash = truncate(reg, "—", size, 10.0);
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
        for line in wrap(&fonts.bold, &chart.title, CHART_TITLE_SIZE, CONTENT_WIDTH) {
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
        let mut labels = wrap(reg, &bar.label, size, label_w);
        if labels.len() > 2 {
            let rest: Vec<&str> = labels[1..].iter().map(|l| l.text.as_str()).collect();
            let second = truncate(reg, &format!("{}…", rest.join(" ")), size, label_w);
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
            truncate(reg, &annot.text, size, RIGHT_EDGE - after)
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
        let label = truncate(reg, &format_value(t), axis_size, 20.0);
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

    Prepared::Flow(Flow {
        space_before: BLOCK_SPACE + 1.0,
        space_after: BLOCK_SPACE + 1.0,
        chunks,
        keep_together: true,
        keep_with_next: false,
        lines_control: false,
        bookmark: None,
    })
}

fn prepare_badge(fonts: &Fonts, code: &str, label: &str, colour: Rgb) -> Prepared {
    let code_size = 18.0;
    let label_size = 11.0;
    let code_line = truncate(&fonts.bold, code, code_size, 60.0);
    let code_w = (code_line.width + 10.0).max(20.0);
    let pad = 3.5;
    let text_w = CONTENT_WIDTH - code_w - 2.0 * pad;
    let llh = line_height(label_size, 1.3);
    let mut labels = wrap(&fonts.bold, label, label_size, text_w);
    // A badge is one unbreakable box: keep its label to a few lines.
    const MAX_BADGE_LINES: usize = 5;
    if labels.len() > MAX_BADGE_LINES {
        let rest: Vec<&str> = labels[MAX_BADGE_LINES - 1..]
            .iter()
            .map(|l| l.text.as_str())
            .collect();
        let last = truncate(&fonts.bold, &rest.join(" "), label_size, text_w);
        labels.truncate(MAX_BADGE_LINES - 1);
        labels.push(last);
    }
    let h = (labels.len() as f32 * llh + 2.0 * pad).max(16.0);
    let mut c = Chunk::new(h);
    let light = tint(colour, 0.82);
    c.rect(MARGIN_LEFT, 0.0, CONTENT_WIDTH, h, light);
    c.rect(MARGIN_LEFT, 0.0, code_w, h, colour);
    let clh = line_height(code_size, 1.0);
    c.text(
        MARGIN_LEFT + (code_w - code_line.width) / 2.0,
        (h - clh) / 2.0 + baseline_in_line(code_size, clh),
        code_size,
        true,
        &code_line,
        text_on(colour),
        Role::Badge,
    );
    let top = (h - labels.len() as f32 * llh) / 2.0;
    let label_colour = text_on(light);
    for (k, l) in labels.iter().enumerate() {
        c.text(
            MARGIN_LEFT + code_w + pad,
            top + k as f32 * llh + baseline_in_line(label_size, llh),
            label_size,
            true,
            l,
            label_colour,
            Role::Badge,
        );
    }
    Prepared::Flow(Flow {
        space_before: BLOCK_SPACE,
        space_after: BLOCK_SPACE + 1.0,
        chunks: vec![c],
        keep_together: true,
        keep_with_next: false,
        lines_control: false,
        bookmark: None,
    })
}

/// Running footer: a thin rule, the organisation at left, "page X of Y" at right.
fn add_footers(doc: &Document, fonts: &Fonts, pages: &mut [PageLayout]) {
    let size = 8.0;
    let face = &fonts.regular;
    let total = pages.len();
    for (i, page) in pages.iter_mut().enumerate() {
        let label_text = doc
            .page_label
            .replace("{page}", &(i + 1).to_string())
            .replace("{pages}", &total.to_string());
        let label = truncate(face, &label_text, size, CONTENT_WIDTH);
        let left_w = CONTENT_WIDTH - label.width - 8.0;
        page.items.push(Item::Line {
            x1: MARGIN_LEFT,
            y1: FOOTER_RULE_Y,
            x2: RIGHT_EDGE,
            y2: FOOTER_RULE_Y,
            width: 0.4,
            colour: RULE,
        });
        if left_w > 5.0 {
            let left = truncate(face, &doc.footer_left, size, left_w);
            if !left.text.is_empty() {
                page.items.push(Item::Text {
                    x: MARGIN_LEFT,
                    y: FOOTER_BASELINE,
                    size,
                    bold: false,
                    text: left.text,
                    colour: MUTED,
                    width: left.width,
                    role: Role::Footer,
                });
            }
        }
        if !label.text.is_empty() {
            page.items.push(Item::Text {
                x: RIGHT_EDGE - label.width,
                y: FOOTER_BASELINE,
                size,
                bold: false,
                text: label.text,
                colour: MUTED,
                width: label.width,
                role: Role::Footer,
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::fonts::fonts;
    use super::*;

    #[test]
    fn wrap_respects_width_and_newlines() {
        let f = fonts().expect("fonts");
        let lines = wrap(&f.regular, "one two three four five six seven\neight", 10.0, 30.0);
        assert!(lines.len() >= 3);
        assert_eq!(lines.last().map(|l| l.text.as_str()), Some("eight"));
        for l in &lines {
            assert!(l.width <= 30.0 + EPS, "{l:?}");
            let measured = f.regular.width_mm(&l.text, 10.0);
            assert!((measured - l.width).abs() < 0.01);
        }
    }

    #[test]
    fn wrap_breaks_long_words() {
        let f = fonts().expect("fonts");
        let word = "Надзвичайнодовгеслово".repeat(8);
        let lines = wrap(&f.regular, &word, 10.0, 20.0);
        assert!(lines.len() > 5);
        assert!(lines.iter().all(|l| l.width <= 20.0 + EPS));
        let joined: String = lines.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(joined, word);
    }

    #[test]
    fn truncate_fits() {
        let f = fonts().expect("fonts");
        let l = truncate(&f.regular, &"x".repeat(200), 8.0, 25.0);
        assert!(l.width <= 25.0 + EPS);
        assert!(l.text.ends_with('…'));
    }
}
