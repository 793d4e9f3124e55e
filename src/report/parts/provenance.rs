//! The provenance: the tool, the input files and their checksums, the report date.

use crate::report::{Builder, Provenance, ToolView};

impl Builder<'_> {
    pub(in crate::report) fn provenance(&self) -> Provenance {
        let (checklist, assessment) = (self.input.checklist, self.input.assessment);
        Provenance {
            tool: ToolView::new(self.labels),
            checklist_id: checklist.id().to_owned(),
            checklist_version: checklist.version().to_owned(),
            checklist_file: self.fmt.file(&checklist.origin),
            checklist_sha256: checklist.sha256.clone(),
            answers_file: self.fmt.file(&assessment.origin),
            answers_sha256: assessment.sha256.clone(),
            report_date: self.input.report_date,
            date: self.fmt.date(self.input.report_date),
            basis: self.basis("basis_short_verified", "basis_short_self"),
        }
    }
}
