//! Pagination: turns [`Block`]s into pages of positioned [`Item`]s.
//!
//! Every block is first *prepared* (wrapped and measured into chunks that do not depend on the
//! page: [`prepare`], [`table`], [`chart`], [`figure`]), then *placed* by a [`Pager`] that
//! breaks pages between chunks. No chunk is taller than one line of text or one table-row
//! fragment that fits on an empty page, so nothing can overflow the bottom margin.
//!
//! Keep-together rules: a heading and the lead-in paragraphs after it move to the next page
//! unless two lines of what follows fit under them (a table's header and first row count as
//! such); a paragraph leaves no single line alone at either end of a page; a short table is
//! never split and a table's last row never stands alone on a page. After pagination the
//! table of contents gets its page numbers and links, and every page its running footer.
//! Coordinates are millimetres, origin bottom-left.

use super::fonts::{FontSet, MM_PER_PT};
use super::prepare::prepare;
use super::table::PreparedTable;
use super::text::{Font, Line};
use super::{Block, Bookmark, Document, Item, Layout, Link, PageLayout, Polygon, Rgb, Role, Target};

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

pub(super) const CONTENT_HEIGHT: f32 = CONTENT_TOP - CONTENT_BOTTOM;
pub(super) const RIGHT_EDGE: f32 = PAGE_WIDTH - MARGIN_RIGHT;
pub(super) const EPS: f32 = 1e-3;

/// DejaVu Sans ascender and descender, in em.
const ASCENT: f32 = 0.928;
const DESCENT: f32 = 0.236;

// Palette: calm, high-contrast text; muted greys for rules and fills.
pub(super) const TEXT: Rgb = Rgb(0x22, 0x26, 0x2b);
pub(super) const MUTED: Rgb = Rgb(0x5f, 0x66, 0x72);
pub(super) const HEADING: Rgb = Rgb(0x1b, 0x2a, 0x41);
pub(super) const RULE: Rgb = Rgb(0xc8, 0xcd, 0xd4);
pub(super) const RULE_STRONG: Rgb = Rgb(0x9a, 0xa3, 0xae);

/// Space between blocks.
pub(super) const BLOCK_SPACE: f32 = 4.0;

/// Lines of what follows that a heading needs under it.
const LINES_UNDER_HEADING: usize = 2;

/// Point size to a line height in millimetres.
pub(super) fn line_height(size: f32, factor: f32) -> f32 {
    size * factor * MM_PER_PT
}

/// Distance from the top of a line box to the baseline.
pub(super) fn baseline_in_line(size: f32, lh: f32) -> f32 {
    let s = size * MM_PER_PT;
    (lh - (ASCENT + DESCENT) * s) / 2.0 + ASCENT * s
}

/// The text colour (dark or white) that reads best on `bg`.
pub(super) fn text_on(bg: Rgb) -> Rgb {
    bg.text_on(TEXT)
}

/// A piece of content that is never split across pages. Item `y`s are
/// measured *downwards from the chunk's top* until [`Chunk::placed`] turns
/// them into page coordinates; a rect's `y` is its top edge.
#[derive(Debug, Clone, Default)]
pub(super) struct Chunk {
    pub(super) height: f32,
    items: Vec<Item>,
}

impl Chunk {
    pub(super) fn new(height: f32) -> Self {
        Self {
            height,
            items: Vec::new(),
        }
    }

    /// One line of text: an item per run of one face.
    #[allow(clippy::too_many_arguments)]
    pub(super) fn text(
        &mut self,
        x: f32,
        baseline: f32,
        size: f32,
        bold: bool,
        line: &Line,
        colour: Rgb,
        role: Role,
    ) {
        for run in &line.runs {
            self.items.push(Item::Text {
                x: x + run.x,
                y: baseline,
                size,
                bold,
                face: run.face,
                text: run.text.clone(),
                colour,
                width: run.width,
                role,
            });
        }
    }

    pub(super) fn rect(&mut self, x: f32, top: f32, w: f32, h: f32, fill: Rgb) {
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

    pub(super) fn line(&mut self, x1: f32, y1: f32, x2: f32, y2: f32, width: f32, colour: Rgb) {
        self.items.push(Item::Line {
            x1,
            y1,
            x2,
            y2,
            width,
            colour,
        });
    }

    pub(super) fn polygon(&mut self, polygon: Polygon) {
        if polygon.points.len() >= 2 && (polygon.fill.is_some() || polygon.stroke.is_some()) {
            self.items.push(Item::Polygon(polygon));
        }
    }

    /// The items in page coordinates, with the chunk's top at `top`.
    pub(super) fn placed(&self, top: f32) -> impl Iterator<Item = Item> + '_ {
        self.items.iter().map(move |item| {
            let mut item = item.clone();
            match &mut item {
                Item::Text { y, .. } => *y = top - *y,
                Item::Rect { y, h, .. } => *y = top - *y - *h,
                Item::Line { y1, y2, .. } => {
                    *y1 = top - *y1;
                    *y2 = top - *y2;
                }
                Item::Polygon(Polygon { points, .. }) => {
                    for (_, y) in points {
                        *y = top - *y;
                    }
                }
            }
            item
        })
    }
}

/// Places chunks top to bottom and breaks pages.
pub(super) struct Pager {
    pages: Vec<Vec<Item>>,
    cursor: f32,
    /// Block spacing still to apply before the next chunk (dropped at a page top).
    pending: f32,
}

impl Pager {
    fn new() -> Self {
        Self {
            pages: vec![Vec::new()],
            cursor: CONTENT_TOP,
            pending: 0.0,
        }
    }

    pub(super) fn at_top(&self) -> bool {
        self.cursor >= CONTENT_TOP - EPS
    }

    fn page_index(&self) -> usize {
        self.pages.len().saturating_sub(1)
    }

    /// Space left for content, counting the pending block spacing as used.
    pub(super) fn remaining(&self) -> f32 {
        let pending = if self.at_top() { 0.0 } else { self.pending };
        self.cursor - pending - CONTENT_BOTTOM
    }

    pub(super) fn new_page(&mut self) {
        self.pages.push(Vec::new());
        self.cursor = CONTENT_TOP;
        self.pending = 0.0;
    }

    /// Starts a new page unless `need` millimetres fit (or the page is empty).
    pub(super) fn ensure(&mut self, need: f32) {
        if need > self.remaining() + EPS && !self.at_top() {
            self.new_page();
        }
    }

    /// Block spacing: collapses with adjacent spacing, dropped at a page top.
    pub(super) fn space(&mut self, mm: f32) {
        self.pending = self.pending.max(mm);
    }

    /// An explicit spacer: kept even at the top of a page.
    fn spacer(&mut self, mm: f32) {
        if mm.is_finite() && mm > 0.0 {
            self.cursor -= self.pending + mm;
            self.pending = 0.0;
        }
    }

    /// Places `chunk` (on a new page if it does not fit) and says where its top went.
    pub(super) fn place(&mut self, chunk: &Chunk) -> Target {
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
        Target {
            page: self.page_index(),
            y: top,
        }
    }
}

/// What a flow is, beyond its chunks.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum FlowKind {
    Plain,
    /// A heading: in the outline; `entry` is its place in the table of contents.
    Heading {
        level: u8,
        title: String,
        entry: Option<usize>,
    },
    /// The table of contents: chunk `i` is entry `i`.
    Contents {
        entries: Vec<ContentsEntry>,
    },
}

/// How a table-of-contents entry takes its page number.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct ContentsEntry {
    pub(super) size: f32,
    pub(super) bold: bool,
    /// Baseline of the entry's last line, down from the top of its chunk.
    pub(super) baseline: f32,
}

/// A block of chunks placed in sequence.
pub(super) struct Flow {
    pub(super) space_before: f32,
    pub(super) space_after: f32,
    pub(super) chunks: Vec<Chunk>,
    /// Move the whole flow to the next page if it fits on one page.
    pub(super) keep_together: bool,
    /// A heading or a lead-in: keep it with the start of the next block.
    pub(super) keep_with_next: bool,
    /// Orphan and widow control (paragraphs).
    pub(super) lines_control: bool,
    pub(super) kind: FlowKind,
}

impl Flow {
    /// A flow of body text: spaced like a block, split between any chunks.
    pub(super) fn plain(space_before: f32, space_after: f32, chunks: Vec<Chunk>) -> Self {
        Flow {
            space_before,
            space_after,
            chunks,
            keep_together: false,
            keep_with_next: false,
            lines_control: false,
            kind: FlowKind::Plain,
        }
    }

    /// A flow that is never split when it fits on one page.
    pub(super) fn unbroken(space_before: f32, space_after: f32, chunks: Vec<Chunk>) -> Self {
        Flow {
            keep_together: true,
            ..Flow::plain(space_before, space_after, chunks)
        }
    }

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
        if self.lines_control && self.chunks.len() == 3 {
            return total;
        }
        self.sum(0, 2)
    }
}

pub(super) enum Prepared {
    Flow(Flow),
    Table(PreparedTable),
    Spacer(f32),
    PageBreak,
}

/// Lays out a whole document.
pub(super) fn layout(doc: &Document, fonts: &FontSet) -> Layout {
    let prepared = prepare_all(&doc.blocks, fonts);
    let mut pager = Pager::new();
    let mut bookmarks = Vec::new();
    if !doc.title.trim().is_empty() {
        bookmarks.push(Bookmark {
            title: doc.title.split_whitespace().collect::<Vec<_>>().join(" "),
            level: 1,
            target: Target {
                page: 0,
                y: CONTENT_TOP,
            },
        });
    }
    // Where each contents entry was drawn, and where the heading it lists is.
    let mut entries: Vec<(Target, f32, &ContentsEntry)> = Vec::new();
    let mut listed: Vec<Option<Target>> = Vec::new();

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
                let placed = place_flow(&mut pager, flow);
                match (&flow.kind, placed.first()) {
                    (FlowKind::Heading { level, title, entry }, Some(&target)) => {
                        bookmarks.push(Bookmark {
                            title: title.clone(),
                            level: *level,
                            target,
                        });
                        if let Some(entry) = *entry {
                            listed.resize(listed.len().max(entry + 1), None);
                            listed[entry] = Some(target);
                        }
                    }
                    (FlowKind::Contents { entries: kinds }, _) => {
                        entries.extend(
                            placed
                                .iter()
                                .zip(&flow.chunks)
                                .zip(kinds)
                                .map(|((t, c), kind)| (*t, c.height, kind)),
                        );
                    }
                    _ => {}
                }
                pager.space(flow.space_after);
            }
            Prepared::Table(table) => {
                pager.space(BLOCK_SPACE);
                table.place(&mut pager);
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
        .map(|items| PageLayout {
            items,
            links: Vec::new(),
        })
        .collect();
    number_contents(fonts, &entries, &listed, &mut pages);
    add_footers(doc, fonts, &mut pages);
    super::marks::add_marks(&doc.marks, fonts, &mut pages);
    Layout { pages, bookmarks }
}

/// Prepares every block; the table of contents lists the headings marked for it.
fn prepare_all(blocks: &[Block], fonts: &FontSet) -> Vec<Prepared> {
    let listed = super::listed_headings(blocks);
    let mut next_entry = 0;
    blocks
        .iter()
        .map(|block| {
            let entry = match block {
                Block::Heading { contents: true, .. } => {
                    next_entry += 1;
                    Some(next_entry - 1)
                }
                _ => None,
            };
            prepare(block, fonts, entry, &listed)
        })
        .collect()
}

/// Height needed after a heading or lead-in: the blocks after it up to two lines of content
/// (or a table's header and first row); spacers, further headings and lead-ins count whole.
fn lead_after(prepared: &[Prepared], from: usize) -> f32 {
    let mut total = 0.0;
    let mut lines = LINES_UNDER_HEADING;
    for block in prepared.iter().skip(from) {
        match block {
            Prepared::Spacer(mm) => total += mm,
            Prepared::Flow(f) if f.keep_with_next => {
                total += f.space_before + f.total() + f.space_after;
            }
            Prepared::Flow(f) if f.keep_together || f.chunks.len() >= lines => {
                return total + f.space_before + f.sum(0, lines).max(f.first_need());
            }
            Prepared::Flow(f) => {
                total += f.space_before + f.total() + f.space_after;
                lines -= f.chunks.len();
            }
            Prepared::Table(t) => return total + BLOCK_SPACE + t.first_need(),
            Prepared::PageBreak => return total,
        }
        if total > CONTENT_HEIGHT {
            break;
        }
    }
    total
}

/// Places a flow's chunks and says where each went.
fn place_flow(pager: &mut Pager, flow: &Flow) -> Vec<Target> {
    let n = flow.chunks.len();
    let mut placed = Vec::with_capacity(n);
    for (i, chunk) in flow.chunks.iter().enumerate() {
        if i == 0 {
            pager.ensure(flow.first_need());
        } else if flow.lines_control && n >= 4 && i == n - 2 {
            // Widow control: never leave the last line alone on a new page.
            pager.ensure(flow.sum(i, 2));
        }
        placed.push(pager.place(chunk));
    }
    placed
}

/// The page numbers of the table of contents, right-aligned on each entry's last line, and a
/// link from each entry to its heading.
fn number_contents(
    fonts: &FontSet,
    entries: &[(Target, f32, &ContentsEntry)],
    listed: &[Option<Target>],
    pages: &mut [PageLayout],
) {
    for (&(at, height, entry), target) in entries.iter().zip(listed) {
        let (Some(target), Some(page)) = (target, pages.get_mut(at.page)) else {
            continue;
        };
        let number = Font::new(fonts, entry.bold, entry.size).line(&(target.page + 1).to_string());
        let mut chunk = Chunk::new(height);
        let x = RIGHT_EDGE - number.width;
        chunk.text(
            x,
            entry.baseline,
            entry.size,
            entry.bold,
            &number,
            TEXT,
            Role::Contents,
        );
        page.items.extend(chunk.placed(at.y));
        page.links.push(Link {
            x: MARGIN_LEFT,
            y: at.y - height,
            w: CONTENT_WIDTH,
            h: height,
            target: *target,
        });
    }
}

/// Running footer: a thin rule, the organisation at left, "page X of Y" at right.
fn add_footers(doc: &Document, fonts: &FontSet, pages: &mut [PageLayout]) {
    let font = Font::new(fonts, false, 8.0);
    let total = pages.len();
    for (i, page) in pages.iter_mut().enumerate() {
        let label_text = doc
            .page_label
            .replace("{page}", &(i + 1).to_string())
            .replace("{pages}", &total.to_string());
        let label = font.truncate(&label_text, CONTENT_WIDTH);
        let left_w = CONTENT_WIDTH - label.width - 8.0;
        let mut footer = Chunk::new(0.0);
        footer.line(MARGIN_LEFT, 0.0, RIGHT_EDGE, 0.0, 0.4, RULE);
        if left_w > 5.0 {
            let left = font.truncate(&doc.footer_left, left_w);
            footer.text(
                MARGIN_LEFT,
                FOOTER_RULE_Y - FOOTER_BASELINE,
                8.0,
                false,
                &left,
                MUTED,
                Role::Footer,
            );
        }
        footer.text(
            RIGHT_EDGE - label.width,
            FOOTER_RULE_Y - FOOTER_BASELINE,
            8.0,
            false,
            &label,
            MUTED,
            Role::Footer,
        );
        page.items.extend(footer.placed(FOOTER_RULE_Y));
    }
}
