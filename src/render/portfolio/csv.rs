//! The portfolio as CSV, for spreadsheets and machines: one row per organisation, every number
//! rounded as the reports show it (one decimal) and written with the language's decimal
//! separator, the file opening with a byte-order mark so that Excel reads it as UTF-8.
//!
//! Columns: `organisation`, one per top-level section (its id), `overall`, `band` (the overall
//! band's code, after the critical cap), `completeness`, `critical_failures` (how many),
//! `file`, `skipped`. Rows follow the portfolio's order; then one row per skipped file with only
//! `file` and `skipped` (its first error) filled in. A missing score is an empty cell.

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
    header.extend(checklist.sections().iter().map(|s| s.id.clone()));
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
        let mut row = vec![
            member
                .assessment
                .organisation()
                .get(lang, checklist.default_language())
                .to_owned(),
        ];
        row.extend(card.sections.iter().map(|s| number(s.score)));
        row.push(number(card.overall.score));
        row.push(
            card.overall
                .band
                .map(|b| checklist.scoring().bands[b].code.clone())
                .unwrap_or_default(),
        );
        row.push(number(card.completeness));
        row.push(card.critical_failures.len().to_string());
        row.push(member.assessment.origin.clone());
        row.push(String::new());
        out.write_record(&row).map_err(Error::Csv)?;
    }
    for skipped in &portfolio.skipped {
        let mut row = vec![String::new(); header.len()];
        let last = header.len() - 1;
        row[last - 1] = skipped.file.clone();
        row[last] = skipped
            .diagnostics
            .iter()
            .find(|d| d.is_error())
            .map(|d| format!("{}: {}", d.code, d.message))
            .unwrap_or_default();
        out.write_record(&row).map_err(Error::Csv)?;
    }
    bytes.extend(out.into_inner().map_err(|e| Error::Csv(e.into_error().into()))?);
    Ok(bytes)
}
