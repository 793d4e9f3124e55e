//! The executive summary: the overall score, completeness, the critical failures, the strongest and
//! weakest sections.

use crate::report::{
    Builder, CountView, CriticalFailureView, SectionRef, SectionView, Summary, flatten, status_key,
};
use crate::score::Status;

impl Builder<'_> {
    pub(in crate::report) fn summary(&self, sections: &[SectionView]) -> Summary {
        let card = self.input.scorecard;
        let mut ranked: Vec<&SectionView> = flatten(sections)
            .into_iter()
            .filter(|s| !s.indicators.is_empty() && s.score.value.is_some() && !s.score.provisional)
            .collect();
        ranked.sort_by(|a, b| {
            b.score
                .value
                .partial_cmp(&a.score.value)
                .unwrap_or(std::cmp::Ordering::Equal)
        });
        let to_ref = |s: &&SectionView| SectionRef {
            id: s.id.clone(),
            number: s.number.clone(),
            title: s.title.clone(),
            score: s.score.clone(),
        };
        let take = 3.min(ranked.len() / 2);
        let counts = &card.counts;
        Summary {
            score: self.overall_score(&card.overall),
            uncapped_band: card
                .overall
                .uncapped_band
                .filter(|_| card.overall.capped && card.conclusive)
                .and_then(|b| self.bands.get(b).cloned()),
            capped: card.overall.capped && card.conclusive,
            completeness: self.fmt.percent(card.completeness),
            answered: self.answered(counts),
            conclusive: card.conclusive,
            inconclusive_note: (!card.conclusive).then(|| self.inconclusive_note(card.completeness)),
            critical_failures: self.critical_failures(),
            strongest: ranked.iter().take(take).map(to_ref).collect(),
            weakest: ranked.iter().rev().take(take).map(to_ref).collect(),
            counts: [
                (Status::Scored, counts.scored),
                (Status::NotApplicable, counts.not_applicable),
                (Status::NotEnoughInformation, counts.not_enough_information),
                (Status::Unanswered, counts.unanswered),
                (Status::OutOfScope, counts.out_of_scope),
            ]
            .into_iter()
            // Out of scope is listed only for an assessment limited to a scope.
            .filter(|&(status, count)| status != Status::OutOfScope || count > 0)
            .map(|(status, count)| CountView {
                status: status_key(status).to_owned(),
                label: self
                    .labels
                    .get(&format!("status_{}", status_key(status)))
                    .to_owned(),
                count,
            })
            .collect(),
            total_indicators: counts.total,
            basis: self.basis("basis_short_verified", "basis_short_self"),
            reviewed: self.reviewed_of(),
            without_exceptions: card.without_exceptions.as_ref().map(|o| self.overall_score(o)),
            compliance: self.compliance(&self.verdicts.overall, card.conclusive),
        }
    }

    /// Why an assessment gets no band and no verdict: its completeness below the minimum.
    pub(in crate::report) fn inconclusive_note(&self, completeness: Option<f64>) -> String {
        self.labels.fill(
            "inconclusive_note",
            &[
                ("share", &self.fmt.percent(completeness.or(Some(0.0)))),
                ("min", &self.min_completeness()),
            ],
        )
    }

    pub(in crate::report) fn critical_failures(&self) -> Vec<CriticalFailureView> {
        self.entries()
            .into_iter()
            .filter(|e| e.result.critical_failure)
            .map(|e| CriticalFailureView {
                id: e.indicator.id.clone(),
                text: self.indicator_text(e.indicator),
                section: e.section,
                reason: self.failure_reason(e.result),
                rationale: self.rationale(e.indicator),
            })
            .collect()
    }
}
