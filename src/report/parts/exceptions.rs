//! The accepted exceptions: in force (those expiring soon flagged, and listed for the summary)
//! and expired, and the score without them.

use crate::model::{Date, ExceptionState};
use crate::report::{Builder, ExceptionItem, ExceptionsReport};

impl Builder<'_> {
    pub(in crate::report) fn exceptions_report(&self) -> ExceptionsReport {
        let card = self.input.scorecard;
        let assessment = self.input.assessment;
        let mut items: Vec<(ExceptionState, Date, ExceptionItem)> = self
            .entries()
            .into_iter()
            .filter_map(|e| {
                let state = e.result.exception?;
                let answer = assessment.answer(&e.indicator.id)?;
                let expires = answer.exception.as_ref()?.expires;
                let item = ExceptionItem {
                    id: e.indicator.id.clone(),
                    text: self.indicator_text(e.indicator),
                    section: e.section,
                    critical: e.indicator.critical,
                    score: self.score(
                        e.result.score,
                        crate::score::band_for(self.input.checklist, e.result.score),
                    ),
                    pass: self.fmt.plain(e.result.pass),
                    exception: self.exception(state, answer)?,
                };
                Some((state, expires, item))
            })
            .collect();
        let in_force = items_where(&items, ExceptionState::applies);
        let expired = items_where(&items, |s| !s.applies());
        // the expiring ones soonest first; the others stay in checklist order
        items.sort_by_key(|(_, expires, _)| *expires);
        ExceptionsReport {
            score: self.overall_score(&card.overall),
            without: card.without_exceptions.as_ref().map(|o| self.overall_score(o)),
            in_force,
            expiring: items_where(&items, |s| s == ExceptionState::ExpiringSoon),
            expired,
        }
    }
}

/// The exceptions whose state is `wanted`, in the order given.
fn items_where(
    items: &[(ExceptionState, Date, ExceptionItem)],
    wanted: impl Fn(ExceptionState) -> bool,
) -> Vec<ExceptionItem> {
    items
        .iter()
        .filter(|(state, _, _)| wanted(*state))
        .map(|(_, _, item)| item.clone())
        .collect()
}
