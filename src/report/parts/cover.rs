//! The cover: the checklist, the organisation, the dates, the assessors and the basis, the kind
//! of report and, on an audited one, the audit with the verified and self-assessed totals.

use crate::model::ReportKind;
use crate::report::{AssessorView, AuditView, Builder, Cover};
use crate::score::{Basis, Scorecard};

impl Builder<'_> {
    pub(in crate::report) fn cover(&self) -> Cover {
        let (checklist, assessment) = (self.input.checklist, self.input.assessment);
        let audited = assessment.kind() == ReportKind::Audited;
        Cover {
            title: self.text(checklist.title()),
            description: self.optional(checklist.description()),
            source: self.optional(checklist.source()),
            checklist_id: checklist.id().to_owned(),
            checklist_version: checklist.version().to_owned(),
            organisation: self.text(assessment.organisation()),
            period: assessment
                .period()
                .map(|p| format!("{} – {}", self.fmt.date(p.from), self.fmt.date(p.to))),
            assessed_on: self.fmt.date(assessment.assessed_on()),
            report_date: self.fmt.date(self.input.report_date),
            assessors: assessment
                .assessors()
                .iter()
                .map(|a| AssessorView {
                    name: a.name.clone(),
                    role: a.role.clone(),
                })
                .collect(),
            basis: self.basis("basis_verified", "basis_self"),
            kicker: self
                .labels
                .get(if audited {
                    "report_kicker_audited"
                } else {
                    "report_kicker"
                })
                .to_owned(),
            kind_label: if audited {
                self.labels.fill(
                    "kind_audited",
                    &[
                        ("reviewed", &self.reviewed().to_string()),
                        ("total", &self.input.scorecard.counts.in_scope().to_string()),
                    ],
                )
            } else {
                self.labels.get("kind_self-assessment").to_owned()
            },
            audit: audited.then(|| self.cover_audit()),
            approved: assessment.approval().filter(|_| audited).map(|a| {
                let mut parts = vec![a.name.clone(), a.position.clone()];
                parts.extend(a.date.map(|d| self.fmt.date(d)));
                parts.join(", ")
            }),
        }
    }

    /// The audit: its auditors (`audit.by`, else the reviewers), institution, date and scope, and
    /// the overall score on both bases.
    pub(in crate::report) fn cover_audit(&self) -> AuditView {
        let assessment = self.input.assessment;
        let audit = assessment.audit().cloned().unwrap_or_default();
        let reviews = || assessment.answers().filter_map(|(_, a)| a.review.as_ref());
        let mut auditors: Vec<String> = audit.by.clone();
        if auditors.is_empty() {
            for reviewer in reviews().filter_map(|r| r.reviewer.as_ref()) {
                if !reviewer.trim().is_empty() && !auditors.contains(reviewer) {
                    auditors.push(reviewer.clone());
                }
            }
        }
        let card = self.input.scorecard;
        let other = self.input.counterpart.unwrap_or(card);
        let (verified, own): (&Scorecard, &Scorecard) = match card.basis {
            Basis::Verified => (card, other),
            Basis::SelfAssessed => (other, card),
        };
        let total = |c: &Scorecard| self.total(c, &c.overall);
        AuditView {
            auditors,
            institution: audit.institution.filter(|t| !t.trim().is_empty()),
            date: audit
                .date
                .or_else(|| reviews().filter_map(|r| r.date).max())
                .map(|d| self.fmt.date(d)),
            scope: audit.scope.filter(|t| !t.trim().is_empty()),
            difference: self.fmt.difference(verified.overall.score, own.overall.score),
            verified: total(verified),
            self_assessed: total(own),
        }
    }
}
