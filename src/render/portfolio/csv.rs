//! The portfolio as CSV, for spreadsheets and machines: one row per organisation, every number
//! rounded as the reports show it (one decimal) and written with the language's decimal
//! separator, the file opening with a byte-order mark so that Excel reads it as UTF-8.
//!
//! Columns: `organisation`, one per top-level section (its id), `overall`, `band` (the overall
//! band's code, after the critical cap), `completeness`, `critical_failures` (how many),
//! `file`, `skipped`. Rows follow the portfolio's order; then one row per skipped file with only
//! `file` and `skipped` (its first error) filled in. A missing score is an empty cell.
//!
//! A text cell that begins with `=`, `+`, `-`, `@`, a tab or a carriage return would be read
//! as a formula by a spreadsheet (an organisation named `=HYPERLINK(...)` could run it on the
//! reader's machine); such a cell gets a leading apostrophe, as OWASP advises, which
//! spreadsheets show as text. Number cells are never negative, so they are left as they are.

use crate::error::{Error, Result};
use crate::i18n::Labels;
use crate::portfolio::Portfolio;
use crate::report::format::Formatter;

/// The byte-order mark of UTF-8.
const BOM: &str = "\u{feff}";

/// The CSV bytes (UTF-8 with a byte-order mark, `\n` line ends, quoted where needed), fields
/// separated by `delimiter`, else by `;` where `labels` write decimals with a comma (so that
/// a spreadsheet set to that language splits the fields), else by `,`.
pub fn portfolio(portfolio: &Portfolio, labels: &Labels, delimiter: Option<u8>) -> Result<Vec<u8>> {
    let (checklist, lang) = (&portfolio.checklist, portfolio.lang.as_str());
    let format = Formatter::new(labels);
    let number = |value: Option<f64>| value.map(|v| format.fixed(v, 1)).unwrap_or_default();
    let comma_decimals = labels.get("decimal_separator") == ",";
    let delimiter = delimiter.unwrap_or(if comma_decimals { b';' } else { b',' });
    let mut bytes = BOM.as_bytes().to_vec();
    let mut out = csv::WriterBuilder::new()
        .delimiter(delimiter)
        .from_writer(Vec::new());
    let mut header = vec!["organisation".to_owned()];
    header.extend(checklist.sections().iter().map(|s| text_cell(&s.id)));
    header.extend(
        [
            "overall",
            "band",
            "completeness",
            "critical_failures",
            "file",
            "skipped",
        ]
        .map(String::from),
    );
    out.write_record(&header).map_err(Error::Csv)?;
    for member in &portfolio.members {
        let card = &member.scorecard;
        let organisation = member.organisation.get(lang, checklist.default_language());
        let mut row = vec![text_cell(organisation)];
        row.extend(card.sections.iter().map(|s| number(s.score)));
        row.push(number(card.overall.score));
        row.push(
            card.overall
                .band
                .map(|b| text_cell(&checklist.scoring().bands[b].code))
                .unwrap_or_default(),
        );
        row.push(number(card.completeness));
        row.push(card.critical_failures.len().to_string());
        row.push(text_cell(&member.origin));
        row.push(String::new());
        out.write_record(&row).map_err(Error::Csv)?;
    }
    for skipped in &portfolio.skipped {
        let mut row = vec![String::new(); header.len()];
        let last = header.len() - 1;
        row[last - 1] = text_cell(&skipped.file);
        row[last] = skipped
            .diagnostics
            .iter()
            .find(|d| d.is_error())
            .map(|d| text_cell(&format!("{}: {}", d.code, d.message)))
            .unwrap_or_default();
        out.write_record(&row).map_err(Error::Csv)?;
    }
    bytes.extend(out.into_inner().map_err(|e| Error::Csv(e.into_error().into()))?);
    Ok(bytes)
}

/// A text as a cell that no spreadsheet reads as a formula.
fn text_cell(text: &str) -> String {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::text_cell;

    #[test]
    fn a_cell_that_reads_as_a_formula_is_neutralised() {
        for formula in ["=HYPERLINK(\"http://x\")", "+1", "-2+3", "@SUM(A1)", "\tx", "\rx"] {
            assert_eq!(text_cell(formula), format!("'{formula}"));
        }
        for text in ["Police", "a=b", "'quoted", "", "Поліція"] {
            assert_eq!(text_cell(text), text);
        }
    }
}
