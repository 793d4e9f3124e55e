//! The portfolio as CSV, for spreadsheets: one row per organisation, scores unrounded.
//!
//! Columns: `organisation`, one per top-level section (its id), `overall`, `band` (the overall
//! band's code, after the critical cap), `completeness`, `critical_failures` (how many),
//! `file`, `skipped`. Rows follow the portfolio's order; then one row per skipped file with only
//! `file` and `skipped` (its first error) filled in. A missing score is an empty cell.

use crate::error::{Error, Result};
use crate::portfolio::Portfolio;

/// The CSV bytes (UTF-8, comma-separated, `\n` line ends, quoted where needed).
pub fn portfolio(portfolio: &Portfolio) -> Result<Vec<u8>> {
    let (checklist, lang) = (&portfolio.checklist, portfolio.lang.as_str());
    let number = |value: Option<f64>| value.map(|v| v.to_string()).unwrap_or_default();
    let mut out = csv::Writer::from_writer(Vec::new());
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
    out.into_inner().map_err(|e| Error::Csv(e.into_error().into()))
}
