//! The compliance findings: the verdict per section and the non-conformities to sign.

use crate::compliance::Conformity;
use crate::model::ExceptionState;
use crate::report::{
    Builder, ComplianceReport, Entry, FindingView, SectionComplianceView, SectionView, conformity_key,
    flatten,
};

impl Builder<'_> {
    pub(in crate::report) fn compliance_report(&self, sections: &[SectionView]) -> ComplianceReport {
        let mut failing: Vec<Entry> = self
            .entries()
            .into_iter()
            .filter(|e| {
                matches!(
                    self.verdicts.conformity(&e.indicator.id),
                    Conformity::Major | Conformity::Minor
                )
            })
            .collect();
        failing.sort_by_key(|e| self.verdicts.conformity(&e.indicator.id) != Conformity::Major);
        let levels = |e: &Entry| {
            let own = self
                .given(e.indicator, e.result, false)
                .unwrap_or_else(|| "—".to_owned());
            match self.given(e.indicator, e.result, true) {
                Some(verified) => format!("{own} → {verified}"),
                None => own,
            }
        };
        let findings = failing
            .into_iter()
            .enumerate()
            .map(|(i, e)| {
                let severity = conformity_key(self.verdicts.conformity(&e.indicator.id));
                FindingView {
                    number: i + 1,
                    id: e.indicator.id.clone(),
                    text: self.indicator_text(e.indicator),
                    section: e.section.clone(),
                    severity: severity.to_owned(),
                    severity_label: self.labels.get(&format!("conformity_{severity}")).to_owned(),
                    levels: levels(&e),
                    score: self.fmt.score(e.result.score),
                    pass: self.fmt.plain(e.result.pass),
                    reason: self.failure_reason(e.result),
                    expired_exception: self
                        .input
                        .assessment
                        .answer(&e.indicator.id)
                        .and_then(|a| a.exception.as_ref())
                        .filter(|_| e.result.exception == Some(ExceptionState::Expired))
                        .map(|x| {
                            self.labels.fill(
                                "finding_exception_expired",
                                &[("date", &self.fmt.date(x.expires))],
                            )
                        }),
                }
            })
            .collect();
        ComplianceReport {
            overall: self.compliance(&self.verdicts.overall, self.input.scorecard.conclusive),
            sections: flatten(sections)
                .into_iter()
                .map(|s| SectionComplianceView {
                    id: s.id.clone(),
                    number: s.number.clone(),
                    title: s.title.clone(),
                    depth: s.depth,
                    compliance: s.compliance.clone(),
                })
                .collect(),
            findings,
        }
    }
}
