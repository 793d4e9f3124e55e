//! The marks every page carries besides the running footer ([`PageMarks`]): the classification
//! marking, centred at the top and at the bottom of the page, and a draft's mark, at the top
//! right and in large pale letters across the middle of the page, behind the content.

use super::fonts::FontSet;
use super::layout::{CONTENT_WIDTH, Chunk, MARGIN_LEFT, PAGE_HEIGHT, PAGE_WIDTH};
use super::text::{Font, Line};
use super::{PageLayout, PageMarks, Rgb, Role};

/// Baseline of the marks at the top, in the top margin.
const TOP_BASELINE: f32 = PAGE_HEIGHT - 10.0;
/// Baseline of the classification at the bottom, under the running footer.
const BOTTOM_BASELINE: f32 = 5.0;
const MARK_SIZE: f32 = 8.0;
const DRAFT_SIZE: f32 = 9.0;
/// The draft mark across the page, shrunk to the content width if it is wider.
const WATERMARK_SIZE: f32 = 72.0;
const CLASSIFICATION: Rgb = Rgb(0x7a, 0x1d, 0x1d);
const DRAFT: Rgb = Rgb(0x8f, 0x1d, 0x14);
const WATERMARK: Rgb = Rgb(0xf7, 0xe1, 0xde);
const GAP: f32 = 4.0;

/// A line of a mark, placed with its baseline at `y`.
struct Mark {
    x: f32,
    y: f32,
    size: f32,
    line: Line,
    colour: Rgb,
}

/// Adds the marks to every page: the watermark first, under everything else.
pub(super) fn add_marks(marks: &PageMarks, fonts: &FontSet, pages: &mut [PageLayout]) {
    let filled = |t: &Option<String>| {
        t.as_deref()
            .map(str::trim)
            .filter(|t| !t.is_empty())
            .map(str::to_owned)
    };
    let draft = filled(&marks.draft);
    let classification = filled(&marks.classification).map(|t| t.to_uppercase());
    let mut under = Vec::new();
    let mut over = Vec::new();
    let mut draft_w = 0.0;
    if let Some(text) = &draft {
        let line = Font::new(fonts, true, DRAFT_SIZE).line(text);
        draft_w = line.width;
        over.push(Mark {
            x: MARGIN_LEFT + CONTENT_WIDTH - line.width,
            y: TOP_BASELINE,
            size: DRAFT_SIZE,
            line,
            colour: DRAFT,
        });
        under.push(watermark(text, fonts));
    }
    if let Some(text) = &classification {
        // centred, clear of the draft mark on either side
        let room = CONTENT_WIDTH - 2.0 * (draft_w + GAP);
        let line = Font::new(fonts, true, MARK_SIZE).truncate(text, room);
        for y in [TOP_BASELINE, BOTTOM_BASELINE] {
            over.push(Mark {
                x: (PAGE_WIDTH - line.width) / 2.0,
                y,
                size: MARK_SIZE,
                line: line.clone(),
                colour: CLASSIFICATION,
            });
        }
    }
    for page in pages.iter_mut() {
        let behind: Vec<_> = under.iter().flat_map(draw).collect();
        page.items.splice(0..0, behind);
        page.items.extend(over.iter().flat_map(draw));
    }
}

/// The draft mark in large pale letters, centred on the page.
fn watermark(text: &str, fonts: &FontSet) -> Mark {
    let natural = Font::new(fonts, true, WATERMARK_SIZE).width(text);
    let size = if natural > CONTENT_WIDTH {
        WATERMARK_SIZE * CONTENT_WIDTH / natural
    } else {
        WATERMARK_SIZE
    };
    let line = Font::new(fonts, true, size).line(text);
    Mark {
        x: (PAGE_WIDTH - line.width) / 2.0,
        y: PAGE_HEIGHT / 2.0,
        size,
        line,
        colour: WATERMARK,
    }
}

fn draw(mark: &Mark) -> Vec<super::Item> {
    let mut chunk = Chunk::new(0.0);
    chunk.text(
        mark.x,
        0.0,
        mark.size,
        true,
        &mark.line,
        mark.colour,
        Role::PageMark,
    );
    chunk.placed(mark.y).collect()
}
