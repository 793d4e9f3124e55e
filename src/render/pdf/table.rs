//! Tables: column widths from the content, wrapped cells (and a row's note under them, from the
//! second column on), and placement row by row with the header repeated on every page.
//!
//! Widths follow the automatic table layout of CSS: each column needs at least its longest
//! word, up to [`MAX_WORD_W`] (a short cell, up to [`SHORT_W`], whole; each line of a column of
//! labels, up to [`MAX_WHOLE_LINE_W`], whole), and the longest word
//! of its header unless the cells need less (then the header is hyphenated; its *minimum*) and would like its widest cell on one line (its
//! *maximum*). When the minimums do not fit, they are scaled down (long words are then
//! hyphenated); when the maximums fit, every column gets its maximum and the spare room is
//! shared by the columns' shares; otherwise every column gets its minimum and the room left
//! goes to the columns in proportion to how much more than their minimum they would like.
//!
//! Placement: the header and the first row move together, a table of at most
//! [`MAX_UNSPLIT_ROWS`] rows and half a page is never split, the last row never stands alone on a page, and a
//! row taller than a page is split by lines.

use super::fonts::FontSet;
use super::layout::{
    CONTENT_HEIGHT, CONTENT_WIDTH, Chunk, EPS, HEADING, MARGIN_LEFT, Pager, Prepared, RIGHT_EDGE, RULE,
    RULE_STRONG, TEXT, baseline_in_line, line_height, text_on,
};
use super::text::{Font, Line};
use super::{Align, Rgb, Role, Table};

const CELL_SIZE: f32 = 9.0;
const CELL_LINE_FACTOR: f32 = 1.3;
const CELL_PAD_H: f32 = 1.8;
const CELL_PAD_V: f32 = 1.5;
const HEADER_FILL: Rgb = Rgb(0xec, 0xef, 0xf3);

/// A column needs room for its longest word, up to this width (a longer word or URL breaks).
const MAX_WORD_W: f32 = 25.0;
/// A cell no wider than this is kept on one line; a header word wider than its column's cells
/// is given at least this width.
const SHORT_W: f32 = 16.0;

/// A line of a [`super::Column::whole_lines`] column is kept whole up to this width.
pub(super) const MAX_WHOLE_LINE_W: f32 = 50.0;

/// A table with at most this many rows is kept on one page (when it fits on one).
pub(super) const MAX_UNSPLIT_ROWS: usize = 6;

/// A table with widths resolved and cells wrapped.
pub(super) struct PreparedTable {
    col_x: Vec<f32>,
    col_w: Vec<f32>,
    /// Where the rows' notes start: the second column.
    note_x: f32,
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
    /// The row's note, wrapped from the second column to the right edge, under the cells.
    note: Vec<Line>,
    /// Lines in all: the tallest cell's, then the note's.
    lines: usize,
}

impl PreparedRow {
    fn cell_lines(&self) -> usize {
        self.lines - self.note.len()
    }
}

pub(super) fn prepare_table(fonts: &FontSet, table: &Table) -> Prepared {
    let regular = Font::new(fonts, false, CELL_SIZE);
    let bold = Font::new(fonts, true, CELL_SIZE);
    let col_w = table_widths(fonts, table, CONTENT_WIDTH);
    let mut col_x = Vec::with_capacity(col_w.len());
    let mut x = MARGIN_LEFT;
    for w in &col_w {
        col_x.push(x);
        x += w;
    }
    let line_h = line_height(CELL_SIZE, CELL_LINE_FACTOR);
    let text_w = |i: usize| (col_w.get(i).copied().unwrap_or(0.0) - 2.0 * CELL_PAD_H).max(1.0);
    let note_x = col_x.get(1).copied().unwrap_or(MARGIN_LEFT);
    let note_w = (RIGHT_EDGE - note_x - 2.0 * CELL_PAD_H).max(1.0);

    let header_cells: Vec<Vec<Line>> = table
        .columns
        .iter()
        .enumerate()
        .map(|(i, c)| bold.wrap(&c.header, text_w(i)))
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
                let y = CELL_PAD_V + k as f32 * line_h + bl;
                header.text(lx, y, CELL_SIZE, true, line, HEADING, Role::TableHeader);
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
                    let is_bold = cell.is_some_and(|c| c.bold);
                    let font = if is_bold { bold } else { regular };
                    let fill = cell.and_then(|c| c.colour);
                    PreparedCell {
                        lines: font.wrap(cell.map_or("", |c| c.text.as_str()), text_w(i)),
                        bold: is_bold,
                        fill,
                        colour: fill.or(row.shade).map_or(TEXT, text_on),
                        align: col.align,
                    }
                })
                .collect();
            let cell_lines = cells.iter().map(|c| c.lines.len()).max().unwrap_or(1).max(1);
            let note = row
                .note
                .as_deref()
                .map_or_else(Vec::new, |note| regular.wrap(note, note_w));
            PreparedRow {
                cells,
                shade: row.shade,
                lines: cell_lines + note.len(),
                note,
            }
        })
        .collect();

    Prepared::Table(PreparedTable {
        col_x,
        col_w,
        note_x,
        header,
        rows,
        line_h,
    })
}

/// The widths of the table's columns filling `total` millimetres, from their content as the
/// layout measures it with `fonts` (see the module documentation).
pub(super) fn table_widths(fonts: &FontSet, table: &Table, total: f32) -> Vec<f32> {
    let regular = Font::new(fonts, false, CELL_SIZE);
    let bold = Font::new(fonts, true, CELL_SIZE);
    fn cell_text(row: &super::Row, i: usize) -> Option<(&str, bool)> {
        row.cells.get(i).map(|c| (c.text.as_str(), c.bold))
    }
    let pad = 2.0 * CELL_PAD_H + 0.2;
    let (mins, maxs): (Vec<f32>, Vec<f32>) = table
        .columns
        .iter()
        .enumerate()
        .map(|(i, column)| {
            let (mut min, mut max) = (0.0_f32, 0.0_f32);
            for (text, is_bold) in table.rows.iter().filter_map(|r| cell_text(r, i)) {
                let font = if is_bold { bold } else { regular };
                // A short cell ("70.0 B") is never wrapped.
                let whole = font.max_content(text);
                min = min.max(if whole <= SHORT_W {
                    whole
                } else if column.whole_lines {
                    whole.min(MAX_WHOLE_LINE_W)
                } else {
                    font.min_content(text, MAX_WORD_W)
                });
                max = max.max(whole);
            }
            // A header word longer than the column's cells need is hyphenated instead.
            let header = bold.min_content(&column.header, max.max(SHORT_W));
            (min.max(header) + pad, max.max(header) + pad)
        })
        .unzip();
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
    column_widths(&mins, &maxs, &shares, total)
}

/// The widths of columns with minimum and maximum content widths `mins` and `maxs` and spare
/// room shares `shares`, filling `total` (see the module documentation).
fn column_widths(mins: &[f32], maxs: &[f32], shares: &[f32], total: f32) -> Vec<f32> {
    let sum_min: f32 = mins.iter().sum();
    let sum_max: f32 = maxs.iter().sum();
    if sum_min >= total {
        return mins
            .iter()
            .map(|m| total * m / sum_min.max(f32::MIN_POSITIVE))
            .collect();
    }
    if sum_max <= total {
        let sum_share: f32 = shares.iter().sum();
        return maxs
            .iter()
            .zip(shares)
            .map(|(m, s)| m + (total - sum_max) * s / sum_share.max(f32::MIN_POSITIVE))
            .collect();
    }
    let wants: f32 = mins.iter().zip(maxs).map(|(a, b)| b - a).sum();
    mins.iter()
        .zip(maxs)
        .map(|(a, b)| a + (total - sum_min) * (b - a) / wants.max(f32::MIN_POSITIVE))
        .collect()
}

fn aligned_x(x: f32, w: f32, text_w: f32, align: Align) -> f32 {
    let left = x + CELL_PAD_H;
    match align {
        Align::Left => left,
        Align::Right => (x + w - CELL_PAD_H - text_w).max(left),
        Align::Center => (x + (w - text_w) / 2.0).max(left),
    }
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
        let colour = row.shade.map_or(TEXT, text_on);
        for (k, line) in row.note.iter().enumerate() {
            let at = row.cell_lines() + k;
            if (from..to).contains(&at) {
                let y = CELL_PAD_V + (at - from) as f32 * self.line_h + bl;
                chunk.text(
                    self.note_x + CELL_PAD_H,
                    y,
                    CELL_SIZE,
                    false,
                    line,
                    colour,
                    Role::TableCell,
                );
            }
        }
        chunk.line(MARGIN_LEFT, h, RIGHT_EDGE, h, 0.35, RULE);
        chunk
    }

    /// What must fit under a heading: the header and the first row (or its first two lines
    /// when the row cannot fit on any page); the whole table when it is short.
    pub(super) fn first_need(&self) -> f32 {
        let hh = self.header.height;
        if let Some(all) = self.unsplit_height() {
            return all;
        }
        match self.rows.first() {
            None => hh,
            Some(row) if hh + self.row_height(row.lines) <= CONTENT_HEIGHT => hh + self.row_height(row.lines),
            Some(row) => hh + self.row_height(row.lines.min(2)),
        }
    }

    /// The height of a short table (few rows, at most half a page), which is never split; a
    /// taller one may be, so that it can start under its heading.
    fn unsplit_height(&self) -> Option<f32> {
        let all = self.header.height + self.rows.iter().map(|r| self.row_height(r.lines)).sum::<f32>();
        (self.rows.len() <= MAX_UNSPLIT_ROWS && all <= CONTENT_HEIGHT / 2.0).then_some(all)
    }

    /// Places the table row by row.
    pub(super) fn place(&self, pager: &mut Pager) {
        if self.col_w.is_empty() {
            return;
        }
        pager.ensure(self.first_need());
        pager.place(&self.header);
        let n = self.rows.len();
        for (i, row) in self.rows.iter().enumerate() {
            let full = self.row_height(row.lines);
            let fits = full <= pager.remaining() + EPS;
            // The second-to-last row moves with the last one rather than leave it alone.
            let pair = match (i + 2 == n, self.rows.last()) {
                (true, Some(last)) => full + self.row_height(last.lines),
                _ => full,
            };
            let orphans_last = pair > pager.remaining() + EPS && self.header.height + pair <= CONTENT_HEIGHT;
            if fits && !(orphans_last && i > 0) {
                pager.place(&self.row_chunk(row, 0, row.lines));
            } else if self.header.height + full <= CONTENT_HEIGHT {
                pager.new_page();
                pager.place(&self.header);
                pager.place(&self.row_chunk(row, 0, row.lines));
            } else {
                self.place_split_row(pager, row);
            }
        }
    }

    /// A row taller than a page, split by lines.
    fn place_split_row(&self, pager: &mut Pager, row: &PreparedRow) {
        let mut from = 0;
        while from < row.lines {
            let avail = pager.remaining() - 2.0 * CELL_PAD_V;
            let fit = if avail > 0.0 {
                ((avail + EPS) / self.line_h).floor() as usize
            } else {
                0
            };
            if fit == 0 {
                pager.new_page();
                pager.place(&self.header);
                continue;
            }
            let to = (from + fit).min(row.lines);
            pager.place(&self.row_chunk(row, from, to));
            from = to;
            if from < row.lines {
                pager.new_page();
                pager.place(&self.header);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_follow_the_content() {
        // Everything fits: maximums plus the spare room by shares.
        assert_eq!(
            column_widths(&[5.0, 5.0], &[10.0, 20.0], &[1.0, 1.0], 40.0),
            [15.0, 25.0]
        );
        // Minimums too wide: scaled down.
        assert_eq!(
            column_widths(&[30.0, 10.0], &[60.0, 10.0], &[1.0, 1.0], 20.0),
            [15.0, 5.0]
        );
        // In between: the room goes to the column that wants it, none to the one-digit column.
        let w = column_widths(&[6.0, 20.0, 30.0], &[6.0, 400.0, 100.0], &[0.6, 3.0, 1.0], 174.0);
        assert!((w[0] - 6.0).abs() < 1e-4, "{w:?}");
        assert!((w.iter().sum::<f32>() - 174.0).abs() < 1e-3);
        assert!(w[1] > w[2], "{w:?}");
    }
}
