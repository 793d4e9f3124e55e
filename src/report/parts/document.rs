//! Document control: the number, version and status, the draft mark and the classification that
//! every page carries. A final report whose answers are incomplete or unverified says so.

use crate::model::{DocumentStatus, ReportKind};
use crate::report::{Builder, DocumentView};

impl Builder<'_> {
    pub(in crate::report) fn document(&self) -> DocumentView {
        let Some(control) = self.input.assessment.document() else {
            return DocumentView::default();
        };
        let filled = |text: &Option<String>| text.clone().filter(|t| !t.trim().is_empty());
        let number = filled(&control.number).map(|n| self.labels.fill("document_number", &[("number", &n)]));
        let version = filled(&control.version);
        let reference = number
            .iter()
            .cloned()
            .chain(
                version
                    .iter()
                    .map(|v| format!("{} {v}", self.labels.get("label_version").to_lowercase())),
            )
            .collect::<Vec<_>>()
            .join(" · ");
        let (status, status_label) = match control.status {
            DocumentStatus::Draft => ("draft", self.labels.get("document_status_draft").to_owned()),
            DocumentStatus::Final => ("final", self.final_status()),
        };
        DocumentView {
            number,
            version,
            status: Some(status.to_owned()),
            status_label: Some(status_label),
            draft_mark: (control.status == DocumentStatus::Draft)
                .then(|| self.labels.get("draft_mark").to_owned()),
            classification: filled(&control.classification),
            reference,
        }
    }

    /// "Final", or "Final, with reservations: …" naming the answers missing or not verified.
    fn final_status(&self) -> String {
        let card = self.input.scorecard;
        let mut notes = Vec::new();
        if card.completeness.is_some_and(|c| c < 100.0) {
            notes.push(self.labels.fill(
                "document_note_incomplete",
                &[("share", &self.fmt.percent(card.completeness))],
            ));
        }
        let (reviewed, total) = (self.reviewed(), card.counts.in_scope());
        match self.input.assessment.kind() {
            ReportKind::SelfAssessment => notes.push(self.labels.get("document_note_unreviewed").to_owned()),
            ReportKind::Audited if reviewed < total => notes.push(self.labels.fill(
                "document_note_partly_reviewed",
                &[
                    ("unreviewed", &(total - reviewed).to_string()),
                    ("total", &total.to_string()),
                ],
            )),
            ReportKind::Audited => {}
        }
        if notes.is_empty() {
            self.labels.get("document_status_final").to_owned()
        } else {
            self.labels
                .fill("document_final_with", &[("notes", &notes.join("; "))])
        }
    }
}
