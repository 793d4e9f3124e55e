//! Block constructors shared by every document builder (report, compare, portfolio): headings,
//! paragraphs, table columns and cells, band cells and the band table, row shades and the
//! provenance rows.

use crate::i18n::Labels;
use crate::render::pdf::{Align, Block, Cell, Column, Rgb, Row, Table, TextStyle};
use crate::report::{BandRangeView, BandView, ScoreView, ToolView};

/// Row shading of every PDF: light red for what needs action (overdue, major, worse), amber
/// for what needs attention.
pub(in crate::render::pdf) const ALERT_SHADE: Rgb = Rgb(0xfb, 0xe9, 0xe7);
pub(in crate::render::pdf) const MINOR_SHADE: Rgb = Rgb(0xff, 0xf3, 0xd6);

/// A heading listed in the table of contents.
pub(in crate::render::pdf) fn heading(level: u8, text: impl Into<String>) -> Block {
    Block::Heading {
        level,
        text: text.into(),
        contents: true,
    }
}

/// A heading in the outline only, not in the table of contents.
pub(in crate::render::pdf) fn unlisted_heading(level: u8, text: impl Into<String>) -> Block {
    Block::Heading {
        level,
        text: text.into(),
        contents: false,
    }
}

/// The table of contents on pages of its own, after the cover.
pub(in crate::render::pdf) fn contents(labels: &Labels) -> [Block; 4] {
    [
        Block::PageBreak,
        unlisted_heading(1, labels.get("heading_contents")),
        Block::Contents,
        Block::PageBreak,
    ]
}

pub(in crate::render::pdf) fn paragraph(text: impl Into<String>, style: TextStyle) -> Block {
    Block::Paragraph {
        text: text.into(),
        style,
    }
}

pub(in crate::render::pdf) fn column(header: &str, width: f32) -> Column {
    Column {
        header: header.to_owned(),
        width,
        align: Align::Left,
        whole_lines: false,
    }
}

pub(in crate::render::pdf) fn right(header: &str, width: f32) -> Column {
    Column {
        header: header.to_owned(),
        width,
        align: Align::Right,
        whole_lines: false,
    }
}

pub(in crate::render::pdf) fn cell(text: impl Into<String>) -> Cell {
    Cell {
        text: text.into(),
        bold: false,
        colour: None,
    }
}

pub(in crate::render::pdf) fn row(cells: Vec<Cell>) -> Row {
    Row {
        cells,
        shade: None,
        note: None,
    }
}

pub(in crate::render::pdf) fn band_cell(band: Option<&BandView>) -> Cell {
    match band {
        Some(band) => Cell {
            text: format!("{} {}", band.code, band.label),
            bold: true,
            colour: Some(rgb(&band.colour)),
        },
        None => cell("—"),
    }
}

/// The rating bands with their ranges, lowest first.
pub(in crate::render::pdf) fn band_table(bands: &[BandRangeView], labels: &Labels) -> Block {
    let rows = bands
        .iter()
        .map(|b| row(vec![band_cell(Some(&b.band)), cell(b.range.clone())]))
        .collect();
    Block::Table(Table {
        columns: vec![
            column(labels.get("label_band"), 3.0),
            column(labels.get("label_range"), 2.0),
        ],
        rows,
    })
}

/// "67.3 (C Partial)", "54.2 (provisional)" or "—".
pub(in crate::render::pdf) fn score_text(score: &ScoreView, labels: &Labels) -> String {
    match &score.band {
        Some(band) => format!("{} ({} {})", score.text, band.code, band.label),
        None if score.provisional => format!("{} ({})", score.text, labels.get("label_provisional")),
        None => score.text.clone(),
    }
}

/// "• a\n• b".
pub(in crate::render::pdf) fn bullets(items: &[String]) -> String {
    items
        .iter()
        .map(|i| format!("• {i}"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The provenance rows of the tool: its name and version, and the build (commit and date).
pub(in crate::render::pdf) fn tool_rows(labels: &Labels, tool: &ToolView) -> Vec<(String, String)> {
    vec![
        (
            labels.get("label_tool").to_owned(),
            format!("{} {}", tool.name, tool.version),
        ),
        (labels.get("label_build").to_owned(), tool.build.clone()),
    ]
}

/// The provenance rows every report starts with: the tool, and the checklist with its file and
/// checksum.
pub(in crate::render::pdf) fn tool_and_checklist(
    labels: &Labels,
    tool: &ToolView,
    [checklist_id, checklist_version]: [&str; 2],
    [checklist_file, checklist_sha256]: [&str; 2],
) -> Vec<(String, String)> {
    let mut rows = tool_rows(labels, tool);
    rows.extend([
        (
            labels.get("label_checklist").to_owned(),
            format!("{checklist_id} {checklist_version}"),
        ),
        (
            labels.get("label_checklist_file").to_owned(),
            checklist_file.to_owned(),
        ),
        (sha256_of(labels, "label_checklist"), checklist_sha256.to_owned()),
    ]);
    rows
}

/// "SHA-256 (checklist)".
pub(in crate::render::pdf) fn sha256_of(labels: &Labels, what: &str) -> String {
    format!(
        "{} ({})",
        labels.get("label_sha256"),
        lower_first(labels.get(what))
    )
}

/// A label inside a sentence, after a colon or in parentheses: its first letter in lower case.
pub(in crate::render::pdf) fn lower_first(label: &str) -> String {
    let mut chars = label.chars();
    chars
        .next()
        .map_or_else(String::new, |first| first.to_lowercase().chain(chars).collect())
}

/// `#rrggbb` as a colour; grey for anything else (validation refuses bad colours earlier).
pub(in crate::render::pdf) fn rgb(hex: &str) -> Rgb {
    Rgb::from_hex(hex).unwrap_or(Rgb(0x9e, 0x9e, 0x9e))
}
