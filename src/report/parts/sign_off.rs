//! The sign-off that matches what was done: a self-assessment closes with the head of the
//! organisation's approval («ЗАТВЕРДЖУЮ») and the assessors' signatures; an audited report with
//! the auditor's attestation, which says how many answers were verified.

use crate::model::ReportKind;
use crate::report::{Builder, SignOff, Signatory};

impl Builder<'_> {
    pub(in crate::report) fn sign_off(&self) -> SignOff {
        match self.input.assessment.kind() {
            ReportKind::SelfAssessment => self.approval(),
            ReportKind::Audited => self.attestation(),
        }
    }

    fn approval(&self) -> SignOff {
        let assessment = self.input.assessment;
        let approver = assessment.approval().map_or(Signatory::blank(), |a| Signatory {
            position: Some(a.position.clone()),
            name: Some(a.name.clone()),
            date: a.date.map(|d| self.fmt.date(d)),
        });
        SignOff {
            role: "approval".to_owned(),
            heading: self.labels.get("heading_approval").to_owned(),
            stamp: Some(self.labels.get("approval_stamp").to_owned()),
            statement: self.labels.get("approval_statement").to_owned(),
            scope: None,
            position_label: self.labels.get("label_position").to_owned(),
            signatories: vec![approver],
            assessors: assessment
                .assessors()
                .iter()
                .map(|a| Signatory {
                    position: a.role.clone(),
                    name: Some(a.name.clone()),
                    date: None,
                })
                .collect(),
        }
    }

    fn attestation(&self) -> SignOff {
        let audit = self.cover_audit();
        let (reviewed, total) = (self.reviewed(), self.input.scorecard.counts.in_scope());
        let key = if reviewed == total {
            "attestation_all"
        } else {
            "attestation_partial"
        };
        let statement = self.labels.fill(
            key,
            &[
                ("reviewed", &reviewed.to_string()),
                ("total", &total.to_string()),
                ("unreviewed", &(total - reviewed).to_string()),
            ],
        );
        let signatories = if audit.auditors.is_empty() {
            vec![Signatory {
                position: audit.institution.clone(),
                ..Signatory::blank()
            }]
        } else {
            audit
                .auditors
                .iter()
                .map(|name| Signatory {
                    position: audit.institution.clone(),
                    name: Some(name.clone()),
                    date: None,
                })
                .collect()
        };
        SignOff {
            role: "attestation".to_owned(),
            heading: self.labels.get("heading_attestation").to_owned(),
            stamp: None,
            statement,
            scope: audit.scope,
            position_label: self.labels.get("label_institution").to_owned(),
            signatories,
            assessors: Vec::new(),
        }
    }
}

impl Signatory {
    /// A row of lines to fill in by hand.
    fn blank() -> Signatory {
        Signatory {
            position: None,
            name: None,
            date: None,
        }
    }
}
