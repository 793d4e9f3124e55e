//! The cell formats of the assessment workbook: locked cells white, cells to fill pale yellow,
//! section rows shaded, dates written `yyyy-mm-dd`, every cell wrapped and top-aligned.

use rust_xlsxwriter::{Color, Format, FormatAlign, FormatBorder};

/// The pale yellow of a cell to fill.
const INPUT: u32 = 0xFFF8D6;
/// The shade of a section row and of the column titles.
const SECTION: u32 = 0xDCE6F1;
const TITLE: u32 = 0xB8CCE4;
const RULE: u32 = 0xA6A6A6;
pub const DATE_FORMAT: &str = "yyyy-mm-dd";

pub struct Styles {
    /// Column titles.
    pub title: Format,
    /// A sheet's heading, on the instructions and details sheets.
    pub heading: Format,
    /// A locked cell.
    pub fixed: Format,
    /// A locked cell in a section row.
    pub section: Format,
    /// A locked cell in a criterion row, indented.
    pub criterion: Format,
    /// A cell to fill with text or a choice.
    pub input: Format,
    /// A cell to fill with a date.
    pub date: Format,
    /// A paragraph of the instructions.
    pub paragraph: Format,
    /// A paragraph's lead-in, in bold.
    pub strong: Format,
}

impl Styles {
    pub fn new() -> Styles {
        let cell = Format::new()
            .set_font_size(10)
            .set_text_wrap()
            .set_align(FormatAlign::Top)
            .set_border(FormatBorder::Thin)
            .set_border_color(Color::RGB(RULE));
        let input = cell
            .clone()
            .set_unlocked()
            .set_background_color(Color::RGB(INPUT));
        Styles {
            title: cell.clone().set_bold().set_background_color(Color::RGB(TITLE)),
            heading: Format::new().set_bold().set_font_size(14),
            fixed: cell.clone(),
            section: cell.clone().set_bold().set_background_color(Color::RGB(SECTION)),
            criterion: cell.clone().set_indent(2),
            date: input.clone().set_num_format(DATE_FORMAT),
            input,
            strong: Format::new().set_font_size(10).set_bold(),
            paragraph: Format::new()
                .set_font_size(10)
                .set_text_wrap()
                .set_align(FormatAlign::Top),
        }
    }

    /// A cell to fill with a number, shown with its unit ("12 days") while it stays a number.
    pub fn number(&self, unit: Option<&str>) -> Format {
        let format = match unit.map(|u| u.replace('"', "")).filter(|u| !u.trim().is_empty()) {
            Some(unit) => format!("General\\ \"{unit}\""),
            None => "General".to_owned(),
        };
        self.input.clone().set_num_format(format)
    }
}
