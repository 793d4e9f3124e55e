//! Preparing the text blocks for the pager: the title, headings, paragraphs, key-value lists,
//! badges and the table of contents, each wrapped and measured into [`Chunk`]s. Tables, bar
//! charts and figures have their own files.

use super::chart::prepare_chart;
use super::figure::prepare_figure;
use super::fonts::FontSet;
use super::layout::{
    BLOCK_SPACE, CONTENT_WIDTH, Chunk, ContentsEntry, Flow, FlowKind, HEADING, MARGIN_LEFT, MUTED, Prepared,
    RIGHT_EDGE, RULE, TEXT, baseline_in_line, line_height, text_on,
};
use super::table::prepare_table;
use super::text::Font;
use super::{Block, Rgb, Role, TextStyle};

// Body text.
const BODY_SIZE: f32 = 10.0;
const LINE_FACTOR: f32 = 1.4;
const PARA_SPACE: f32 = 2.6;

/// A lead-in paragraph (bold or muted) of at most this many lines stays with what follows.
const MAX_LEAD_IN_LINES: usize = 4;

/// Width kept at the right of a contents entry for its page number.
const CONTENTS_NUMBER_W: f32 = 14.0;

/// Prepares one block; `entry` is a listed heading's place in the contents, `listed` the
/// headings the contents lists.
pub(super) fn prepare(
    block: &Block,
    fonts: &FontSet,
    entry: Option<usize>,
    listed: &[(u8, &str)],
) -> Prepared {
    match block {
        Block::Title { text, subtitle } => prepare_title(fonts, text, subtitle.as_deref()),
        Block::Heading { level, text, .. } => prepare_heading(fonts, *level, text, entry),
        Block::Contents => prepare_contents(fonts, listed),
        Block::Paragraph { text, style } => prepare_paragraph(fonts, text, *style),
        Block::KeyValues(pairs) => prepare_key_values(fonts, pairs),
        Block::Table(table) => prepare_table(fonts, table),
        Block::BarChart(chart) => prepare_chart(fonts, chart),
        Block::Figure(figure) => prepare_figure(fonts, figure),
        Block::Badge { code, label, colour } => prepare_badge(fonts, code, label, *colour),
        Block::Spacer(mm) => Prepared::Spacer(if mm.is_finite() { mm.max(0.0) } else { 0.0 }),
        Block::PageBreak => Prepared::PageBreak,
    }
}

/// One chunk per wrapped line, across the content width.
fn line_chunks(font: Font, text: &str, factor: f32, colour: Rgb, role: Role) -> Vec<Chunk> {
    let (size, bold) = (font.size(), font.bold());
    let lh = line_height(size, factor);
    let bl = baseline_in_line(size, lh);
    font.wrap(text, CONTENT_WIDTH)
        .iter()
        .map(|line| {
            let mut c = Chunk::new(lh);
            c.text(MARGIN_LEFT, bl, size, bold, line, colour, role);
            c
        })
        .collect()
}

fn prepare_title(fonts: &FontSet, text: &str, subtitle: Option<&str>) -> Prepared {
    let mut chunks = line_chunks(Font::new(fonts, true, 22.0), text, 1.2, HEADING, Role::Title);
    if let Some(sub) = subtitle.filter(|s| !s.trim().is_empty()) {
        chunks.push(Chunk::new(2.0));
        chunks.extend(line_chunks(
            Font::new(fonts, false, 13.0),
            sub,
            1.3,
            MUTED,
            Role::Subtitle,
        ));
    }
    // An accent rule under the title.
    let mut rule = Chunk::new(6.0);
    rule.line(MARGIN_LEFT, 3.5, MARGIN_LEFT + 30.0, 3.5, 2.0, HEADING);
    chunks.push(rule);
    Prepared::Flow(Flow::unbroken(0.0, 4.0, chunks))
}

fn prepare_heading(fonts: &FontSet, level: u8, text: &str, entry: Option<usize>) -> Prepared {
    let level = level.clamp(1, 3);
    let (size, before, after, colour) = match level {
        1 => (15.0, 8.0, 3.0, HEADING),
        2 => (12.5, 6.0, 2.0, HEADING),
        _ => (10.5, 4.5, 1.5, TEXT),
    };
    let mut chunks = line_chunks(
        Font::new(fonts, true, size),
        text,
        1.25,
        colour,
        Role::Heading(level),
    );
    if level == 1 {
        let mut rule = Chunk::new(1.5);
        rule.line(MARGIN_LEFT, 0.8, RIGHT_EDGE, 0.8, 0.5, RULE);
        chunks.push(rule);
    }
    Prepared::Flow(Flow {
        keep_with_next: true,
        kind: FlowKind::Heading {
            level,
            title: one_line(text),
            entry,
        },
        ..Flow::unbroken(before, after, chunks)
    })
}

/// `text` with its whitespace runs as single spaces, for the outline and the contents.
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Size and weight of a contents entry of `level`.
fn contents_style(level: u8) -> (f32, bool) {
    match level {
        1 => (10.0, true),
        2 => (10.0, false),
        _ => (9.0, false),
    }
}

/// The table of contents: one chunk per listed heading, indented by level; the page numbers
/// come after pagination ([`super::layout`]).
fn prepare_contents(fonts: &FontSet, listed: &[(u8, &str)]) -> Prepared {
    let mut chunks = Vec::with_capacity(listed.len());
    let mut entries = Vec::with_capacity(listed.len());
    for &(level, text) in listed {
        let level = level.clamp(1, 3);
        let (size, bold) = contents_style(level);
        let indent = f32::from(level - 1) * 6.0;
        let gap = if level == 1 { 2.2 } else { 0.6 };
        let lh = line_height(size, 1.35);
        let font = Font::new(fonts, bold, size);
        let lines = font.wrap(&one_line(text), CONTENT_WIDTH - indent - CONTENTS_NUMBER_W);
        let mut chunk = Chunk::new(gap + lines.len() as f32 * lh);
        for (k, line) in lines.iter().enumerate() {
            let baseline = gap + k as f32 * lh + baseline_in_line(size, lh);
            chunk.text(
                MARGIN_LEFT + indent,
                baseline,
                size,
                bold,
                line,
                TEXT,
                Role::Contents,
            );
        }
        entries.push(ContentsEntry {
            size,
            bold,
            baseline: gap + (lines.len() - 1) as f32 * lh + baseline_in_line(size, lh),
        });
        chunks.push(chunk);
    }
    Prepared::Flow(Flow {
        kind: FlowKind::Contents { entries },
        ..Flow::plain(BLOCK_SPACE, BLOCK_SPACE, chunks)
    })
}

fn prepare_paragraph(fonts: &FontSet, text: &str, style: TextStyle) -> Prepared {
    let (size, bold, colour) = match style {
        TextStyle::Normal => (BODY_SIZE, false, TEXT),
        TextStyle::Small => (8.5, false, TEXT),
        TextStyle::Muted => (9.5, false, MUTED),
        TextStyle::Bold => (BODY_SIZE, true, TEXT),
    };
    let chunks = line_chunks(
        Font::new(fonts, bold, size),
        text,
        LINE_FACTOR,
        colour,
        Role::Body,
    );
    let lead_in = matches!(style, TextStyle::Bold | TextStyle::Muted) && chunks.len() <= MAX_LEAD_IN_LINES;
    Prepared::Flow(Flow {
        keep_with_next: lead_in,
        lines_control: true,
        ..Flow::plain(PARA_SPACE, PARA_SPACE, chunks)
    })
}

fn prepare_key_values(fonts: &FontSet, pairs: &[(String, String)]) -> Prepared {
    let label_font = Font::new(fonts, false, 9.5);
    let value_font = Font::new(fonts, false, BODY_SIZE);
    let lh = line_height(BODY_SIZE, LINE_FACTOR);
    let bl = baseline_in_line(BODY_SIZE, lh);
    let widest = pairs
        .iter()
        .map(|(k, _)| label_font.width(k))
        .fold(0.0_f32, f32::max);
    let label_w = (widest + 6.0).clamp(30.0, 70.0);
    let value_x = MARGIN_LEFT + label_w;
    let value_w = CONTENT_WIDTH - label_w;
    let mut chunks = Vec::new();
    for (k, v) in pairs {
        let labels = label_font.wrap(k, label_w - 4.0);
        let values = value_font.wrap(v, value_w);
        let n = labels.len().max(values.len());
        for i in 0..n {
            let last = i + 1 == n;
            let mut c = Chunk::new(if last { lh + 1.2 } else { lh });
            if let Some(l) = labels.get(i) {
                c.text(MARGIN_LEFT, bl, 9.5, false, l, MUTED, Role::Label);
            }
            if let Some(v) = values.get(i) {
                c.text(value_x, bl, BODY_SIZE, false, v, TEXT, Role::Value);
            }
            chunks.push(c);
        }
    }
    Prepared::Flow(Flow::unbroken(BLOCK_SPACE, BLOCK_SPACE, chunks))
}

/// `c` mixed with white; `amount` = share of white.
fn tint(c: Rgb, amount: f32) -> Rgb {
    let mix = |v: u8| {
        let v = f32::from(v);
        (v + (255.0 - v) * amount).round().clamp(0.0, 255.0) as u8
    };
    Rgb(mix(c.0), mix(c.1), mix(c.2))
}

fn prepare_badge(fonts: &FontSet, code: &str, label: &str, colour: Rgb) -> Prepared {
    let code_size = 18.0;
    let label_size = 11.0;
    let code_font = Font::new(fonts, true, code_size);
    let label_font = Font::new(fonts, true, label_size);
    let code_line = code_font.truncate(code, 60.0);
    let code_w = (code_line.width + 10.0).max(20.0);
    let pad = 3.5;
    let text_w = CONTENT_WIDTH - code_w - 2.0 * pad;
    let llh = line_height(label_size, 1.3);
    let mut labels = label_font.wrap(label, text_w);
    // A badge is one unbreakable box: keep its label to a few lines.
    const MAX_BADGE_LINES: usize = 5;
    if labels.len() > MAX_BADGE_LINES {
        let rest: Vec<String> = labels[MAX_BADGE_LINES - 1..]
            .iter()
            .map(|l| l.runs.iter().map(|r| r.text.as_str()).collect())
            .collect();
        let last = label_font.truncate(&rest.join(" "), text_w);
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
    Prepared::Flow(Flow::unbroken(BLOCK_SPACE, BLOCK_SPACE + 1.0, vec![c]))
}
