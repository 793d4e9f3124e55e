//! The report view stage: turns a scorecard into one typed, display-ready [`ReportView`].
//!
//! Texts are picked in the report's language, numbers rounded and formatted, bands given
//! colours, sections numbered, actions sorted, calculation traces written out as arithmetic.
//! HTML templates, the PDF layout and the JSON report all render this view and nothing else.

mod chart;
pub mod compare;
pub mod format;
pub mod portfolio;
pub mod view;

use crate::compliance::{Compliance, Conformity, Verdict};
use crate::freshness::{EvidenceFlag, Problem};
use crate::i18n::{Catalogue, Labels};
use crate::model::checklist::{Indicator, Method, Missing, Section};
use crate::model::{Answer, Assessment, Checklist, Date, ExceptionState, Text};
use crate::score::{Basis, Exclusion, IndicatorResult, NodeKind, Scorecard, SectionResult, Status, Trace};
use format::Formatter;
use std::collections::HashMap;
pub use view::*;

/// What a report is built from.
pub struct ReportInput<'a> {
    pub checklist: &'a Checklist,
    pub assessment: &'a Assessment,
    pub scorecard: &'a Scorecard,
    pub catalogue: &'a Catalogue,
    /// The report's language, one of the checklist's (see [`language`]).
    pub lang: &'a str,
    pub report_date: Date,
}

/// The report language: the one asked for, else the answers' own, else the checklist's first.
pub fn language<'a>(
    requested: Option<&'a str>,
    checklist: &'a Checklist,
    assessment: &'a Assessment,
) -> &'a str {
    requested
        .or(assessment.language())
        .unwrap_or(checklist.default_language())
}

/// Builds the report view.
pub fn build(input: &ReportInput) -> ReportView {
    let labels = input.catalogue.labels(input.lang);
    let builder = Builder::new(input, &labels);
    let sections = builder.sections(input.checklist.sections(), &input.scorecard.sections, "");
    ReportView {
        lang: input.lang.to_owned(),
        cover: builder.cover(),
        summary: builder.summary(&sections),
        charts: builder.charts(&sections),
        actions: builder.actions(&sections),
        compliance: builder.compliance_report(&sections),
        exceptions: builder.exceptions_report(),
        freshness: builder.freshness(&sections),
        methodology: builder.methodology(),
        provenance: builder.provenance(),
        sections,
        labels: labels.clone(),
    }
}

/// An indicator with its result and its section, "2.1 Title".
struct Entry<'a> {
    section: String,
    indicator: &'a Indicator,
    result: &'a IndicatorResult,
}

struct Builder<'a> {
    input: &'a ReportInput<'a>,
    labels: &'a Labels,
    fmt: Formatter<'a>,
    bands: Vec<BandView>,
    /// Section and indicator titles by id, for traces and summaries.
    names: HashMap<String, (String, String)>,
}

impl<'a> Builder<'a> {
    fn new(input: &'a ReportInput<'a>, labels: &'a Labels) -> Self {
        let mut builder = Builder {
            input,
            labels,
            fmt: Formatter::new(labels),
            bands: Vec::new(),
            names: HashMap::new(),
        };
        builder.bands = band_views(input.checklist, input.lang);
        builder.collect_names(input.checklist.sections(), "");
        builder
    }

    fn text(&self, text: &Text) -> String {
        text.get(self.input.lang, self.input.checklist.default_language())
            .to_owned()
    }

    fn optional(&self, text: Option<&Text>) -> Option<String> {
        text.map(|t| self.text(t)).filter(|t| !t.trim().is_empty())
    }

    fn score(&self, value: Option<f64>, band: Option<usize>) -> ScoreView {
        ScoreView {
            value,
            text: self.fmt.score(value),
            band: band.and_then(|b| self.bands.get(b).cloned()),
        }
    }

    fn collect_names(&mut self, sections: &[Section], prefix: &str) {
        for (i, section) in sections.iter().enumerate() {
            let number = format!("{prefix}{}", i + 1);
            self.names
                .insert(section.id.clone(), (number.clone(), self.text(&section.title)));
            for indicator in &section.indicators {
                self.names.insert(
                    indicator.id.clone(),
                    (indicator.id.clone(), self.text(&indicator.text)),
                );
            }
            self.collect_names(&section.sections, &format!("{number}."));
        }
    }

    fn name(&self, id: &str) -> (String, String) {
        self.names
            .get(id)
            .cloned()
            .unwrap_or_else(|| (id.to_owned(), id.to_owned()))
    }

    fn cover(&self) -> Cover {
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

    /// The label `verified` or `self` for the scorecard's basis.
    fn basis(&self, verified: &str, own: &str) -> String {
        let key = match self.input.scorecard.basis {
            Basis::Verified => verified,
            Basis::SelfAssessed => own,
        };
        self.labels.get(key).to_owned()
    }

    /// Every indicator with its result and its section, in checklist order.
    fn entries(&self) -> Vec<Entry<'a>> {
        fn walk<'b>(
            builder: &Builder<'b>,
            sections: &'b [Section],
            results: &'b [SectionResult],
            out: &mut Vec<Entry<'b>>,
        ) {
            for (section, result) in sections.iter().zip(results) {
                let (number, title) = builder.name(&section.id);
                for (indicator, result) in section.indicators.iter().zip(&result.indicators) {
                    out.push(Entry {
                        section: format!("{number} {title}"),
                        indicator,
                        result,
                    });
                }
                walk(builder, &section.sections, &result.sections, out);
            }
        }
        let mut out = Vec::new();
        walk(
            self,
            self.input.checklist.sections(),
            &self.input.scorecard.sections,
            &mut out,
        );
        out
    }

    fn compliance(&self, compliance: &Compliance) -> ComplianceView {
        let (verdict, statement) = match compliance.verdict {
            Verdict::Compliant => ("compliant", self.labels.get("compliance_compliant").to_owned()),
            Verdict::MinorNonConformities => (
                "minor-non-conformities",
                self.labels
                    .fill("compliance_minor", &[("minor", &compliance.minor.to_string())]),
            ),
            Verdict::NotCompliant => {
                let mut counts = vec![self.fmt.count("count_major", compliance.major)];
                if compliance.minor > 0 {
                    counts.push(self.fmt.count("count_minor", compliance.minor));
                }
                (
                    "not-compliant",
                    self.labels.fill(
                        "compliance_not_compliant",
                        &[("non_conformities", &counts.join(", "))],
                    ),
                )
            }
        };
        ComplianceView {
            verdict: verdict.to_owned(),
            statement,
            major: compliance.major,
            minor: compliance.minor,
            accepted_risks: compliance.accepted_risks,
        }
    }

    /// Why an indicator fails its pass mark: below it, or the status that left it without a score.
    fn failure_reason(&self, result: &IndicatorResult) -> String {
        match result.status {
            Status::Scored => self
                .labels
                .fill("critical_below_pass", &[("pass", &self.fmt.plain(result.pass))]),
            status => self
                .labels
                .get(&format!("status_{}", status_key(status)))
                .to_owned(),
        }
    }

    fn summary(&self, sections: &[SectionView]) -> Summary {
        let card = self.input.scorecard;
        let mut ranked: Vec<&SectionView> = flatten(sections)
            .into_iter()
            .filter(|s| !s.indicators.is_empty() && s.score.value.is_some())
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
        let reviewed = self
            .entries()
            .iter()
            .filter(|e| e.result.verified_level.is_some())
            .count();
        Summary {
            score: self.score(card.overall.score, card.overall.band),
            uncapped_band: card
                .overall
                .uncapped_band
                .filter(|_| card.overall.capped)
                .and_then(|b| self.bands.get(b).cloned()),
            capped: card.overall.capped,
            completeness: self.fmt.percent(card.completeness),
            critical_failures: self.critical_failures(),
            strongest: ranked.iter().take(take).map(to_ref).collect(),
            weakest: ranked.iter().rev().take(take).map(to_ref).collect(),
            counts: [
                (Status::Scored, counts.scored),
                (Status::NotApplicable, counts.not_applicable),
                (Status::NotEnoughInformation, counts.not_enough_information),
                (Status::Unanswered, counts.unanswered),
            ]
            .into_iter()
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
            reviewed: self.labels.fill(
                "reviewed_of",
                &[
                    ("reviewed", &reviewed.to_string()),
                    ("total", &counts.total.to_string()),
                ],
            ),
            without_exceptions: card
                .without_exceptions
                .as_ref()
                .map(|o| self.score(o.score, o.band)),
            compliance: self.compliance(&card.compliance),
        }
    }

    fn critical_failures(&self) -> Vec<CriticalFailureView> {
        self.entries()
            .into_iter()
            .filter(|e| e.result.critical_failure)
            .map(|e| CriticalFailureView {
                id: e.indicator.id.clone(),
                text: self.text(&e.indicator.text),
                section: e.section,
                reason: self.failure_reason(e.result),
            })
            .collect()
    }

    fn charts(&self, sections: &[SectionView]) -> Charts {
        let bars = flatten(sections)
            .into_iter()
            .map(|s| BarView {
                id: s.id.clone(),
                number: s.number.clone(),
                title: s.title.clone(),
                depth: s.depth,
                score: s.score.clone(),
                width: s.score.value.unwrap_or(0.0).clamp(0.0, 100.0),
            })
            .collect();
        let marks = self
            .input
            .checklist
            .scoring()
            .bands
            .iter()
            .skip(1)
            .map(|b| MarkView {
                value: b.min,
                text: self.fmt.plain(b.min),
            })
            .collect();
        let radar = chart::radar(
            sections
                .iter()
                .map(|s| (s.number.clone(), s.title.clone(), s.score.clone()))
                .collect(),
        );
        Charts { bars, marks, radar }
    }

    fn sections(&self, sections: &[Section], results: &[SectionResult], prefix: &str) -> Vec<SectionView> {
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

    fn indicator(&self, indicator: &Indicator, result: &IndicatorResult) -> IndicatorView {
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
        }
    }

    /// "3 — Established", or empty without a level.
    fn level(&self, indicator: &Indicator, level: Option<i64>) -> String {
        level_text(self.input.checklist, indicator, level, self.input.lang)
    }

    fn review(&self, indicator: &Indicator, result: &IndicatorResult, answer: &Answer) -> Option<ReviewView> {
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

    fn exception(&self, state: ExceptionState, answer: &Answer) -> Option<ExceptionView> {
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

    fn evidence(&self, answer: &Answer, flags: &[&EvidenceFlag]) -> Vec<EvidenceView> {
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
    fn flag(&self, flag: &EvidenceFlag, indicator: &Indicator, answer: Option<&Answer>) -> String {
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

    fn action(&self, indicator: &Indicator, answer: &Answer) -> Option<ActionView> {
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

    /// Every planned action, by due date (undated last), then checklist order.
    fn actions(&self, sections: &[SectionView]) -> Vec<ActionView> {
        let assessment = self.input.assessment;
        let mut actions: Vec<(Option<Date>, ActionView)> = flatten(sections)
            .into_iter()
            .flat_map(|s| s.indicators.iter())
            .filter_map(|i| {
                let action = i.action.clone()?;
                let due = assessment
                    .answer(&i.id)
                    .and_then(|a| a.action.as_ref())
                    .and_then(|a| a.due);
                Some((due, action))
            })
            .collect();
        actions.sort_by_key(|(due, _)| (due.is_none(), *due));
        actions.into_iter().map(|(_, action)| action).collect()
    }

    fn compliance_report(&self, sections: &[SectionView]) -> ComplianceReport {
        let mut failing: Vec<Entry> = self
            .entries()
            .into_iter()
            .filter(|e| matches!(e.result.conformity, Conformity::Major | Conformity::Minor))
            .collect();
        failing.sort_by_key(|e| e.result.conformity != Conformity::Major);
        let level = |level: Option<i64>| level.map_or_else(|| "—".to_owned(), |l| l.to_string());
        let levels = |result: &IndicatorResult| match result.verified_level {
            Some(verified) => format!("{} → {verified}", level(result.self_level)),
            None => level(result.self_level),
        };
        let findings = failing
            .into_iter()
            .enumerate()
            .map(|(i, e)| {
                let severity = conformity_key(e.result.conformity);
                FindingView {
                    number: i + 1,
                    id: e.indicator.id.clone(),
                    text: self.text(&e.indicator.text),
                    section: e.section.clone(),
                    severity: severity.to_owned(),
                    severity_label: self.labels.get(&format!("conformity_{severity}")).to_owned(),
                    levels: levels(e.result),
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
            overall: self.compliance(&self.input.scorecard.compliance),
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

    fn exceptions_report(&self) -> ExceptionsReport {
        let card = self.input.scorecard;
        let assessment = self.input.assessment;
        let mut items: Vec<(ExceptionState, Date, ExceptionItem)> = self
            .entries()
            .into_iter()
            .filter_map(|e| {
                let state = e.result.exception?;
                let answer = assessment.answer(&e.indicator.id)?;
                let expires = answer.exception.as_ref()?.expires;
                let item = ExceptionItem {
                    id: e.indicator.id.clone(),
                    text: self.text(&e.indicator.text),
                    section: e.section,
                    critical: e.indicator.critical,
                    score: self.score(
                        e.result.score,
                        crate::score::band_for(self.input.checklist, e.result.score),
                    ),
                    pass: self.fmt.plain(e.result.pass),
                    exception: self.exception(state, answer)?,
                };
                Some((state, expires, item))
            })
            .collect();
        let in_force = items_where(&items, ExceptionState::applies);
        let expired = items_where(&items, |s| !s.applies());
        // the expiring ones soonest first; the others stay in checklist order
        items.sort_by_key(|(_, expires, _)| *expires);
        ExceptionsReport {
            score: self.score(card.overall.score, card.overall.band),
            without: card
                .without_exceptions
                .as_ref()
                .map(|o| self.score(o.score, o.band)),
            in_force,
            expiring: items_where(&items, |s| s == ExceptionState::ExpiringSoon),
            expired,
        }
    }

    /// The indicators with freshness flags, from their views.
    fn freshness(&self, sections: &[SectionView]) -> Vec<FreshnessView> {
        flatten(sections)
            .into_iter()
            .flat_map(|section| section.indicators.iter().map(move |i| (section, i)))
            .filter(|(_, i)| !i.evidence_flags.is_empty())
            .map(|(section, i)| FreshnessView {
                id: i.id.clone(),
                text: i.text.clone(),
                section: format!("{} {}", section.number, section.title),
                flags: i.evidence_flags.clone(),
            })
            .collect()
    }

    fn methodology(&self) -> Methodology {
        let checklist = self.input.checklist;
        let scoring = checklist.scoring();
        let scales = checklist
            .scales()
            .map(|(id, scale)| ScaleView {
                id: id.to_owned(),
                label: self.optional(scale.label.as_ref()),
                levels: scale
                    .levels
                    .iter()
                    .map(|level| LevelView {
                        value: level.value,
                        label: self.text(&level.label),
                        description: self.optional(level.description.as_ref()),
                        score: self.fmt.score(Some(scale.position(level.value))),
                    })
                    .collect(),
            })
            .collect();
        let bands = band_ranges(checklist, &self.bands, &self.fmt);
        let results = self.input.scorecard.sections.iter().collect::<Vec<_>>();
        let mut traces = Vec::new();
        self.section_traces(&results, &mut traces);
        let card = &self.input.scorecard.overall;
        Methodology {
            scales,
            method: self.method(scoring.method),
            missing: self
                .labels
                .get(match scoring.missing {
                    Missing::Exclude => "missing_exclude",
                    Missing::Zero => "missing_zero",
                })
                .to_owned(),
            pass: self.fmt.plain(scoring.pass),
            basis: self.basis("basis_verified", "basis_self"),
            evidence_max_age: scoring.evidence_max_age_days.map_or_else(
                || self.labels.get("label_not_set").to_owned(),
                |days| self.fmt.count("count_days", usize::try_from(days).unwrap_or(0)),
            ),
            bands,
            cap: checklist.cap_band().and_then(|b| self.bands.get(b).cloned()),
            overall: self.trace("", "", self.labels.get("overall_score"), &card.trace, card.band),
            traces,
        }
    }

    fn section_traces(&self, results: &[&SectionResult], out: &mut Vec<TraceView>) {
        for result in results {
            let (number, title) = self.name(&result.id);
            out.push(self.trace(&result.id, &number, &title, &result.trace, result.band));
            self.section_traces(&result.sections.iter().collect::<Vec<_>>(), out);
        }
    }

    fn trace(&self, id: &str, number: &str, title: &str, trace: &Trace, band: Option<usize>) -> TraceView {
        let kind = |kind: NodeKind| match kind {
            NodeKind::Indicator => self.labels.get("kind_indicator").to_owned(),
            NodeKind::Section => self.labels.get("kind_section").to_owned(),
        };
        TraceView {
            id: id.to_owned(),
            number: number.to_owned(),
            title: title.to_owned(),
            method: self.method(trace.method),
            counted: trace
                .counted
                .iter()
                .map(|t| TermView {
                    id: t.id.clone(),
                    title: self.name(&t.id).1,
                    kind: kind(t.kind),
                    score: self.fmt.score(Some(t.score)),
                    weight: self.fmt.plain(t.weight),
                })
                .collect(),
            excluded: trace
                .excluded
                .iter()
                .map(|e| ExcludedView {
                    id: e.id.clone(),
                    title: self.name(&e.id).1,
                    kind: kind(e.kind),
                    reason: self.labels.get(exclusion_key(e.reason)).to_owned(),
                })
                .collect(),
            formula: self.formula(trace),
            result: self.score(trace.score, band),
        }
    }

    /// The arithmetic of a trace with rounded figures, e.g. "(2 × 75.0 + 1 × 50.0) ÷ 3 = 66.7".
    fn formula(&self, trace: &Trace) -> String {
        if trace.counted.is_empty() {
            return self.labels.get("formula_nothing_scored").to_owned();
        }
        let scores: Vec<String> = trace
            .counted
            .iter()
            .map(|t| self.fmt.score(Some(t.score)))
            .collect();
        let result = self.fmt.score(trace.score);
        match trace.method {
            Method::WeightedMean => {
                let terms: Vec<String> = trace
                    .counted
                    .iter()
                    .zip(&scores)
                    .map(|(t, s)| format!("{} × {s}", self.fmt.plain(t.weight)))
                    .collect();
                let weights: f64 = trace.counted.iter().map(|t| t.weight).sum();
                format!("({}) ÷ {} = {result}", terms.join(" + "), self.fmt.plain(weights))
            }
            Method::Mean => format!("({}) ÷ {} = {result}", scores.join(" + "), trace.counted.len()),
            Method::Min => format!("min({}) = {result}", scores.join("; ")),
        }
    }

    fn method(&self, method: Method) -> String {
        self.labels
            .get(match method {
                Method::WeightedMean => "method_weighted_mean",
                Method::Mean => "method_mean",
                Method::Min => "method_min",
            })
            .to_owned()
    }

    fn provenance(&self) -> Provenance {
        let (checklist, assessment) = (self.input.checklist, self.input.assessment);
        Provenance {
            tool: "oversight".to_owned(),
            tool_version: crate::VERSION.to_owned(),
            checklist_id: checklist.id().to_owned(),
            checklist_version: checklist.version().to_owned(),
            checklist_file: checklist.origin.clone(),
            checklist_sha256: checklist.sha256.clone(),
            answers_file: assessment.origin.clone(),
            answers_sha256: assessment.sha256.clone(),
            report_date: self.input.report_date,
            basis: self.basis("basis_short_verified", "basis_short_self"),
        }
    }
}

/// The exceptions whose state is `wanted`, in the order given.
fn items_where(
    items: &[(ExceptionState, Date, ExceptionItem)],
    wanted: impl Fn(ExceptionState) -> bool,
) -> Vec<ExceptionItem> {
    items
        .iter()
        .filter(|(state, _, _)| wanted(*state))
        .map(|(_, _, item)| item.clone())
        .collect()
}

/// Every section, each followed by its sub-sections.
pub fn flatten(sections: &[SectionView]) -> Vec<&SectionView> {
    let mut out = Vec::new();
    for section in sections {
        out.push(section);
        out.extend(flatten(&section.sections));
    }
    out
}

/// A level as a reader sees it, "3 — Established"; empty without a level.
pub fn level_text(checklist: &Checklist, indicator: &Indicator, level: Option<i64>, lang: &str) -> String {
    let scale = checklist.scale_of(indicator);
    level
        .and_then(|value| {
            scale
                .level(value)
                .map(|l| format!("{value} — {}", l.label.get(lang, checklist.default_language())))
        })
        .unwrap_or_default()
}

/// The kebab-case name of a status, as in the JSON output and the label keys.
pub fn status_key(status: Status) -> &'static str {
    match status {
        Status::Scored => "scored",
        Status::NotApplicable => "not-applicable",
        Status::NotEnoughInformation => "not-enough-information",
        Status::Unanswered => "unanswered",
    }
}

fn conformity_key(conformity: Conformity) -> &'static str {
    match conformity {
        Conformity::Conforming => "conforming",
        Conformity::Minor => "minor",
        Conformity::Major => "major",
        Conformity::AcceptedRisk => "accepted-risk",
        Conformity::NotApplicable => "not-applicable",
        Conformity::NotAssessed => "not-assessed",
    }
}

fn exclusion_key(reason: Exclusion) -> &'static str {
    match reason {
        Exclusion::NotApplicable => "status_not-applicable",
        Exclusion::NotEnoughInformation => "status_not-enough-information",
        Exclusion::Unanswered => "status_unanswered",
        Exclusion::AcceptedException => "label_exception",
        Exclusion::NoScore => "excluded_no_score",
    }
}

/// Only `http`, `https` and relative links become clickable; `javascript:`, `data:` and
/// every other scheme stay text, and so do protocol-relative links (`//host`, which browsers
/// also read from `\\host` and `/\host`) and anything with control characters, which
/// browsers strip before reading the scheme.
pub fn is_safe_link(reference: &str) -> bool {
    let lower = reference.trim().to_ascii_lowercase();
    if lower.chars().any(char::is_control) {
        return false;
    }
    if lower.starts_with("http://") || lower.starts_with("https://") {
        return true;
    }
    let before_slash = lower.split(['/', '?', '#']).next().unwrap_or("");
    !lower.is_empty()
        && !before_slash.contains(':')
        && !lower.starts_with("//")
        && !lower.contains('\\')
        && !lower.contains(char::is_whitespace)
}

/// Each band with its range, "70 – 85" (the last one up to 100).
pub fn band_ranges(checklist: &Checklist, bands: &[BandView], fmt: &Formatter) -> Vec<BandRangeView> {
    let mins = &checklist.scoring().bands;
    bands
        .iter()
        .enumerate()
        .map(|(i, band)| {
            let from = mins[i].min;
            let to = mins.get(i + 1).map_or(100.0, |b| b.min);
            BandRangeView {
                band: band.clone(),
                range: format!("{} – {}", fmt.plain(from), fmt.plain(to)),
            }
        })
        .collect()
}

/// Band colours: the checklist's own, else a red-to-green palette spread over the bands.
pub fn band_views(checklist: &Checklist, lang: &str) -> Vec<BandView> {
    const PALETTE: [&str; 5] = ["#b3261e", "#d9622b", "#e0a526", "#6f9e3a", "#2e7d32"];
    let bands = &checklist.scoring().bands;
    bands
        .iter()
        .enumerate()
        .map(|(i, band)| {
            let position = if bands.len() > 1 {
                i * (PALETTE.len() - 1) / (bands.len() - 1)
            } else {
                PALETTE.len() - 1
            };
            let colour = band
                .colour
                .clone()
                .unwrap_or_else(|| PALETTE[position].to_owned());
            BandView {
                code: band.code.clone(),
                label: band.label.get(lang, checklist.default_language()).to_owned(),
                text_colour: readable_on(&colour).to_owned(),
                colour,
            }
        })
        .collect()
}

/// Near-black or white, whichever contrasts more with `#rrggbb` (WCAG relative luminance).
fn readable_on(colour: &str) -> &'static str {
    const DARK: (&str, f64) = ("#1a1a1a", 0.0103);
    let linear = |i: usize| {
        let c = u8::from_str_radix(colour.get(i..i + 2).unwrap_or("00"), 16).unwrap_or(0) as f64 / 255.0;
        if c <= 0.04045 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    let luminance = 0.2126 * linear(1) + 0.7152 * linear(3) + 0.0722 * linear(5);
    let with_white = 1.05 / (luminance + 0.05);
    let with_dark = (luminance + 0.05) / (DARK.1 + 0.05);
    if with_dark >= with_white {
        DARK.0
    } else {
        "#ffffff"
    }
}

#[cfg(test)]
mod tests {
    use super::is_safe_link;

    #[test]
    fn web_and_relative_links_are_safe() {
        for link in [
            "https://zakon.rada.gov.ua/laws/show/580-19",
            "http://example.org/a?b=1&c=2",
            "HTTPS://EXAMPLE.ORG",
            "  https://example.org  ",
            "docs/report.pdf",
            "./annex-2.html#part-3",
            "../evidence/order-12.pdf",
            "annex.pdf?page=2",
            "#section-4",
            "folder/a:b",
        ] {
            assert!(is_safe_link(link), "{link:?} should be a link");
        }
    }

    #[test]
    fn scripts_other_schemes_and_tricks_stay_text() {
        for link in [
            "javascript:alert(1)",
            "JaVaScRiPt:alert(1)",
            "  javascript:alert(1)",
            "\tjavascript:alert(1)",
            "\u{1}javascript:alert(1)",
            "java\tscript:alert(1)",
            "java\nscript:alert(1)",
            "java\u{b}script:alert(1)",
            "vbscript:msgbox(1)",
            "VBScript:msgbox(1)",
            "data:text/html,<script>alert(1)</script>",
            "data:text/html;base64,PHNjcmlwdD4=",
            "file:///etc/passwd",
            "mailto:someone@example.org",
            "https:evil.example",
            "//evil.example",
            "  //evil.example/x",
            "\\\\evil.example",
            "/\\evil.example",
            "\\/evil.example",
            "\u{1}//evil.example",
            "order 12.pdf",
            "",
            "   ",
        ] {
            assert!(!is_safe_link(link), "{link:?} should stay text");
        }
    }
}
