//! The quality-assurance record, after PEFA's Box 1.1 and SAI PMF's independent review
//! statement: who assessed, who audited and when, peer reviews, the comments on the draft and
//! how they were handled, and the disagreements on record. Only when the answers have `quality`.

use crate::model::ReportKind;
use crate::report::{Builder, DisagreementView, DraftCommentView, PeerReviewView, QualityView};

impl Builder<'_> {
    pub(in crate::report) fn quality(&self) -> Option<QualityView> {
        let assessment = self.input.assessment;
        let quality = assessment.quality()?;
        let date = |d: Option<crate::model::Date>| d.map(|d| self.fmt.date(d));
        let filled = |t: &Option<String>| t.clone().filter(|t| !t.trim().is_empty());
        let audited = assessment.kind() == ReportKind::Audited;
        let review_dates: Vec<_> = assessment
            .answers()
            .filter_map(|(_, a)| a.review.as_ref()?.date)
            .collect();
        Some(QualityView {
            assessed_by: assessment
                .assessors()
                .iter()
                .map(|a| match &a.role {
                    Some(role) => format!("{}, {role}", a.name),
                    None => a.name.clone(),
                })
                .collect(),
            audited_by: audited.then(|| {
                let audit = self.cover_audit();
                let mut who = audit.auditors.join("; ");
                if let Some(institution) = audit.institution {
                    who = if who.is_empty() {
                        institution
                    } else {
                        format!("{who} ({institution})")
                    };
                }
                who
            }),
            review_dates: review_dates
                .iter()
                .min()
                .zip(review_dates.iter().max())
                .map(|(from, to)| self.fmt.dates(*from, *to)),
            peer_reviews: quality
                .peer_reviews
                .iter()
                .map(|r| PeerReviewView {
                    name: r.name.clone(),
                    institution: filled(&r.institution),
                    date: date(r.date),
                    scope: filled(&r.scope),
                    conclusion: filled(&r.conclusion),
                })
                .collect(),
            draft_comments: quality
                .draft_comments
                .iter()
                .map(|c| DraftCommentView {
                    by: c.by.clone(),
                    date: date(c.date),
                    text: c.text.clone(),
                    response: filled(&c.response),
                })
                .collect(),
            disagreements: quality
                .disagreements
                .iter()
                .map(|d| DisagreementView {
                    indicator: d.indicator.clone(),
                    by: d.by.clone(),
                    text: d.text.clone(),
                    resolution: filled(&d.resolution),
                })
                .collect(),
        })
    }
}
