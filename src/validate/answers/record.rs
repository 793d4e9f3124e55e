//! The rules for the answers file's record of the report: `approval`, `audit` and `quality`
//! (`document` has nothing to check beyond its types).

use super::Rules;
use crate::model::answers::AnswersDoc;
use crate::model::{Approval, Audit, Date, Quality};
use crate::validate::Hint;

impl Rules<'_> {
    /// Checks the approval, the audit and the quality record.
    pub(super) fn record(&mut self, doc: &AnswersDoc) {
        if let Some(approval) = &doc.approval {
            self.approval(approval, doc.assessed_on);
        }
        if let Some(audit) = &doc.audit {
            self.audit(audit, doc);
        }
        if let Some(quality) = &doc.quality {
            self.quality(quality);
        }
    }

    fn approval(&mut self, approval: &Approval, assessed_on: Date) {
        self.required("approval.position", &approval.position, "the approver's position");
        self.required("approval.name", &approval.name, "the approver's name");
        if let Some(date) = approval.date
            && date < assessed_on
        {
            self.f
                .warning(
                    "approval-before-assessment",
                    "approval.date",
                    format!("the approval is dated {date}, before the assessment date {assessed_on}"),
                )
                .hint("the head of the organisation approves a finished self-assessment: check both dates");
        }
    }

    fn audit(&mut self, audit: &Audit, doc: &AnswersDoc) {
        for (i, name) in audit.by.iter().enumerate() {
            self.required(&format!("audit.by[{i}]"), name, "the auditor's name");
        }
        if let Some(date) = audit.date
            && date < doc.assessed_on
        {
            self.f.warning(
                "review-before-assessment",
                "audit.date",
                format!(
                    "the audit is dated {date}, before the assessment date {}",
                    doc.assessed_on
                ),
            );
        }
        if !doc.answers.iter().any(|(_, a)| a.review.is_some()) {
            self.f
                .warning(
                    "audit-without-reviews",
                    "audit",
                    "the answers name an audit, but no answer has a `review`",
                )
                .hint("add the auditor's `review:` to each answer verified; until then the report is a self-assessment");
        }
    }

    fn quality(&mut self, quality: &Quality) {
        for (i, review) in quality.peer_reviews.iter().enumerate() {
            self.required(
                &format!("quality.peer_reviews[{i}].name"),
                &review.name,
                "the reviewer's name",
            );
        }
        for (i, comment) in quality.draft_comments.iter().enumerate() {
            let path = format!("quality.draft_comments[{i}]");
            self.required(&format!("{path}.by"), &comment.by, "who made the comment");
            self.required(&format!("{path}.text"), &comment.text, "the comment");
        }
        for (i, disagreement) in quality.disagreements.iter().enumerate() {
            let path = format!("quality.disagreements[{i}]");
            self.required(&format!("{path}.by"), &disagreement.by, "who disagrees");
            self.required(&format!("{path}.text"), &disagreement.text, "the disagreement");
            if let Some(id) = &disagreement.indicator
                && self.checklist.indicator(id).is_none()
            {
                self.unknown_indicator(&format!("{path}.indicator"), id);
            }
        }
    }

    /// Reports `empty-value` when a required `value` is blank.
    fn required(&mut self, path: &str, value: &str, what: &str) {
        if value.trim().is_empty() {
            self.f.error("empty-value", path, format!("{what} is empty"));
        }
    }
}
