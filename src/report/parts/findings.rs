//! The findings by section: each section with its score and compliance, each indicator with its
//! answer, review, exception, evidence and action.

use crate::freshness::{EvidenceFlag, Problem};
use crate::model::checklist::{Indicator, Section};
use crate::model::{Answer, ExceptionState};
use crate::report::{
    ActionView, Builder, EvidenceView, ExceptionView, IndicatorView, ReviewView, SectionView, conformity_key,
    is_safe_link, level_text, status_key,
};
use crate::score::{Basis, IndicatorResult, SectionResult, Status};

impl Builder<'_> {
    pub(in crate::report) fn sections(
        &self,
        sections: &[Section],
        results: &[SectionResult],
        prefix: &str,
    ) -> Vec<SectionView> {
        sections
            .iter()
            .zip(results)
            .enumerate()
            .map(|(i, (section, result))| {
                let number = format!("{prefix}{}", i + 1);
                SectionView {
                    id: section.id.clone(),
                    depth: number.split('.').count(),
                    title: self.text(&section.title),
                    description: self.optional(section.description.as_ref()),
                    weight: self.fmt.plain(section.weight),
                    method: self.method(self.input.checklist.method_of(section)),
                    score: self.score(result.score, result.band),
                    compliance: self.compliance(&result.compliance),
                    indicators: section
                        .indicators
                        .iter()
                        .zip(&result.indicators)
                        .map(|(indicator, r)| self.indicator(indicator, r))
                        .collect(),
                    sections: self.sections(&section.sections, &result.sections, &format!("{number}.")),
                    number,
                }
            })
            .collect()
    }

    pub(in crate::report) fn indicator(
        &self,
        indicator: &Indicator,
        result: &IndicatorResult,
    ) -> IndicatorView {
        let answer = self.input.assessment.answer(&indicator.id);
        let flags: Vec<&EvidenceFlag> = self
            .input
            .scorecard
            .evidence_flags
            .iter()
            .filter(|f| f.indicator == indicator.id)
            .collect();
        IndicatorView {
            id: indicator.id.clone(),
            text: self.text(&indicator.text),
            guidance: self.optional(indicator.guidance.as_ref()),
            critical: indicator.critical,
            weight: self.fmt.plain(indicator.weight),
            status: status_key(result.status).to_owned(),
            status_label: self
                .labels
                .get(&format!("status_{}", status_key(result.status)))
                .to_owned(),
            level: self.level(indicator, result.level),
            score: self.score(
                result.score,
                crate::score::band_for(self.input.checklist, result.score),
            ),
            passed: result
                .score
                .filter(|_| result.status == Status::Scored)
                .map(|s| s >= result.pass),
            pass: self.fmt.plain(result.pass),
            critical_failure: result.critical_failure,
            conformity: conformity_key(result.conformity).to_owned(),
            conformity_label: self
                .labels
                .get(&format!("conformity_{}", conformity_key(result.conformity)))
                .to_owned(),
            review: answer.and_then(|a| self.review(indicator, result, a)),
            exception: result
                .exception
                .zip(answer)
                .and_then(|(state, a)| self.exception(state, a)),
            comment: answer
                .and_then(|a| a.comment.clone())
                .filter(|c| !c.trim().is_empty()),
            evidence: answer.map(|a| self.evidence(a, &flags)).unwrap_or_default(),
            evidence_flags: flags.iter().map(|f| self.flag(f, indicator, answer)).collect(),
            action: answer.and_then(|a| self.action(indicator, a)),
            expected_evidence: indicator.evidence.iter().map(|t| self.text(t)).collect(),
            references: indicator.references.iter().map(|t| self.text(t)).collect(),
            finder_tags: String::new(),
        }
    }

    /// "3 — Established", or empty without a level.
    pub(in crate::report) fn level(&self, indicator: &Indicator, level: Option<i64>) -> String {
        level_text(self.input.checklist, indicator, level, self.input.lang)
    }

    pub(in crate::report) fn review(
        &self,
        indicator: &Indicator,
        result: &IndicatorResult,
        answer: &Answer,
    ) -> Option<ReviewView> {
        let review = answer.review.as_ref()?;
        let scale = self.input.checklist.scale_of(indicator);
        let score = |level: Option<i64>| self.fmt.score(level.map(|l| scale.position(l)));
        let (difference, direction) = match result.self_level.map(|own| review.level - own) {
            None => ("—".to_owned(), "rated"),
            Some(0) => ("0".to_owned(), "confirmed"),
            Some(d) if d > 0 => (format!("+{d}"), "raised"),
            Some(d) => (format!("−{}", d.abs()), "lowered"),
        };
        let dash = |text: String| if text.is_empty() { "—".to_owned() } else { text };
        Some(ReviewView {
            self_level: dash(self.level(indicator, result.self_level)),
            self_score: score(result.self_level),
            verified_level: dash(self.level(indicator, Some(review.level))),
            verified_score: score(Some(review.level)),
            difference,
            direction: direction.to_owned(),
            direction_label: self.labels.get(&format!("review_{direction}")).to_owned(),
            scored: self.input.scorecard.basis == Basis::Verified,
            comment: review.comment.clone().filter(|c| !c.trim().is_empty()),
            reviewer: review.reviewer.clone().filter(|r| !r.trim().is_empty()),
            date: review.date.map(|d| self.fmt.date(d)),
        })
    }

    pub(in crate::report) fn exception(
        &self,
        state: ExceptionState,
        answer: &Answer,
    ) -> Option<ExceptionView> {
        let exception = answer.exception.as_ref()?;
        let key = match state {
            ExceptionState::Valid => "valid",
            ExceptionState::ExpiringSoon => "expiring-soon",
            ExceptionState::Expired => "expired",
        };
        Some(ExceptionView {
            reason: exception.reason.clone(),
            approved_by: exception.approved_by.clone(),
            expires: self.fmt.date(exception.expires),
            state: key.to_owned(),
            state_label: self.labels.get(&format!("exception_{key}")).to_owned(),
            applies: state.applies(),
        })
    }

    pub(in crate::report) fn evidence(&self, answer: &Answer, flags: &[&EvidenceFlag]) -> Vec<EvidenceView> {
        answer
            .evidence
            .iter()
            .enumerate()
            .map(|(i, e)| {
                let reference = e.reference.as_ref().map(|r| self.text(r));
                EvidenceView {
                    title: e.title.clone(),
                    date: e.date.map(|d| self.fmt.date(d)),
                    href: reference
                        .as_deref()
                        .filter(|r| is_safe_link(r))
                        .map(str::to_owned),
                    reference,
                    stale: flags
                        .iter()
                        .any(|f| matches!(f.problem, Problem::Stale { evidence, .. } if evidence == i)),
                }
            })
            .collect()
    }

    /// A freshness flag as a sentence.
    pub(in crate::report) fn flag(
        &self,
        flag: &EvidenceFlag,
        indicator: &Indicator,
        answer: Option<&Answer>,
    ) -> String {
        let days = |days: i64| self.fmt.count("count_days", usize::try_from(days).unwrap_or(0));
        match &flag.problem {
            Problem::Stale {
                evidence,
                date,
                age_days,
                max_age_days,
            } => {
                let title = answer
                    .and_then(|a| a.evidence.get(*evidence))
                    .map_or("", |e| e.title.as_str());
                self.labels.fill(
                    "freshness_stale",
                    &[
                        ("title", title),
                        ("date", &self.fmt.date(*date)),
                        ("age", &days(*age_days)),
                        ("max", &days(*max_age_days)),
                    ],
                )
            }
            Problem::Missing => {
                let expected: Vec<String> = indicator.evidence.iter().map(|t| self.text(t)).collect();
                self.labels
                    .fill("freshness_missing", &[("expected", &expected.join("; "))])
            }
        }
    }

    pub(in crate::report) fn action(&self, indicator: &Indicator, answer: &Answer) -> Option<ActionView> {
        let action = answer.action.as_ref()?;
        Some(ActionView {
            indicator_id: indicator.id.clone(),
            indicator_text: self.text(&indicator.text),
            text: action.text.clone(),
            owner: action.owner.clone(),
            due: action.due.map(|d| self.fmt.date(d)),
            overdue: action
                .due
                .is_some_and(|d| d < self.input.assessment.assessed_on()),
        })
    }
}
