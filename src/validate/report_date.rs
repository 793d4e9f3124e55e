//! The report date against the dates of the work the report shows: a report cannot be dated
//! before the assessment, a review, the audit, the approval, a peer review or a comment on the
//! draft that it reports.

use crate::diagnostic::{Diagnostic, Diagnostics, Place};
use crate::model::{Assessment, Date};

/// `report-date-before-review` when `report_date` is before the latest date of the work the
/// report shows: an error, or a warning when the date was given explicitly (`--date`). One
/// diagnostic, at the first of the latest dates, counting the others after the report date.
pub fn report_date(assessment: &Assessment, report_date: Date, explicit: bool) -> Diagnostics {
    let dates = work_dates(assessment);
    let Some(latest) = dates.iter().map(|w| w.date).max().filter(|d| *d > report_date) else {
        return Diagnostics::default();
    };
    let Some(first) = dates.iter().find(|w| w.date == latest) else {
        return Diagnostics::default();
    };
    let others = match dates.iter().filter(|w| w.date > report_date).count() - 1 {
        0 => String::new(),
        n => format!(" (and {n} other date(s) after the report date)"),
    };
    let message = format!(
        "the report is dated {report_date}, before {} dated {latest}{others}",
        first.what
    );
    let place = Place::path(&first.path);
    let diagnostic = if explicit {
        Diagnostic::warning("report-date-before-review", &assessment.origin, place, message)
            .with_hint("the report shows work done after its own date; check `--date`")
    } else {
        Diagnostic::error("report-date-before-review", &assessment.origin, place, message).with_hint(format!(
            "the report date defaults to today; give `--date {latest}` or later, or correct the date in the answers"
        ))
    };
    diagnostic.into()
}

/// A date of finished work, its path in the answers and what it dates.
struct Work {
    date: Date,
    path: String,
    what: &'static str,
}

/// Every date of finished work in the answers, in file order.
fn work_dates(assessment: &Assessment) -> Vec<Work> {
    let work = |date: Date, path: String, what: &'static str| Work { date, path, what };
    let mut dates = vec![work(
        assessment.assessed_on(),
        "assessed_on".to_owned(),
        "the assessment",
    )];
    for (id, answer) in assessment.answers() {
        if let Some(date) = answer.review.as_ref().and_then(|r| r.date) {
            dates.push(work(date, format!("answers[{id}].review.date"), "the review"));
        }
    }
    if let Some(date) = assessment.audit().and_then(|a| a.date) {
        dates.push(work(date, "audit.date".to_owned(), "the audit"));
    }
    if let Some(date) = assessment.approval().and_then(|a| a.date) {
        dates.push(work(date, "approval.date".to_owned(), "the approval"));
    }
    if let Some(quality) = assessment.quality() {
        let reviews = quality.peer_reviews.iter().map(|r| r.date);
        let comments = quality.draft_comments.iter().map(|c| c.date);
        for (list, dated, what) in [
            ("peer_reviews", reviews.collect::<Vec<_>>(), "the peer review"),
            ("draft_comments", comments.collect(), "the comment on the draft"),
        ] {
            for (i, date) in dated.into_iter().enumerate() {
                if let Some(date) = date {
                    dates.push(work(date, format!("quality.{list}[{i}].date"), what));
                }
            }
        }
    }
    dates
}
