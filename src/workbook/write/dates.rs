//! Excel's calendar starts on 1 January 1900: an answers file may hold an earlier date (the
//! date of an old statute cited as evidence), which no cell could hold. Such dates are
//! refused, every one with its place, before the workbook is written.

use super::FIRST_YEAR;
use crate::diagnostic::{Diagnostic, Diagnostics, Place};
use crate::model::{Assessment, Date};
use chrono::Datelike;

/// Every date of the answers with its path, in file order.
fn dates(assessment: &Assessment) -> Vec<(String, Date)> {
    let doc = assessment.doc();
    let mut out = vec![("assessed_on".to_owned(), doc.assessed_on)];
    if let Some(period) = &doc.period {
        out.push(("period.from".to_owned(), period.from));
        out.push(("period.to".to_owned(), period.to));
    }
    for (id, answer) in doc.answers.iter() {
        let at = |key: &str| format!("answers[{id}].{key}");
        for (i, evidence) in answer.evidence.iter().enumerate() {
            out.extend(evidence.date.map(|d| (at(&format!("evidence[{i}].date")), d)));
        }
        out.extend(
            answer
                .action
                .as_ref()
                .and_then(|a| a.due)
                .map(|d| (at("action.due"), d)),
        );
        out.extend(
            answer
                .review
                .as_ref()
                .and_then(|r| r.date)
                .map(|d| (at("review.date"), d)),
        );
        out.extend(
            answer
                .exception
                .as_ref()
                .map(|e| (at("exception.expires"), e.expires)),
        );
    }
    out
}

/// Refuses the dates before 1900.
pub(super) fn check(assessment: &Assessment) -> Result<(), Diagnostics> {
    let mut found = Diagnostics::default();
    for (path, date) in dates(assessment) {
        if date.0.year() < i32::from(FIRST_YEAR) {
            found.push(
                Diagnostic::error(
                    "date-before-1900",
                    &assessment.origin,
                    Place::path(path),
                    format!("the date {date} is before 1900, where Excel's calendar starts"),
                )
                .with_hint("a workbook cannot hold it: keep this assessment in YAML, or give the date in the evidence's title"),
            );
        }
    }
    if found.is_empty() { Ok(()) } else { Err(found) }
}
