//! The cover: the checklist, the organisation, the dates, the assessors and the basis.

use crate::report::{AssessorView, Builder, Cover};

impl Builder<'_> {
    pub(in crate::report) fn cover(&self) -> Cover {
        let (checklist, assessment) = (self.input.checklist, self.input.assessment);
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
        }
    }
}
