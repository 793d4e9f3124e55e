//! The report view stage: turns a scorecard into one typed, display-ready [`ReportView`].
//!
//! Texts are picked in the report's language, numbers rounded and formatted, bands given
//! colours, sections numbered, actions sorted, calculation traces written out as arithmetic.
//! HTML templates, the PDF layout and the JSON report all render this view and nothing else.
//!
//! [`build`] assembles the view part by part, in the order a reader meets them; each part is
//! built in its own file under `parts/`, named like the HTML template that renders it
//! (`parts/cover.rs` beside `_cover.html.j2`) and the PDF part that lays it out.

pub(crate) mod bands;
mod chart;
pub mod compare;
pub mod finder;
pub mod format;
mod link;
mod parts;
pub mod portfolio;
mod tool;
pub mod view;

use crate::compliance::{Compliance, Conformity, Verdict, Verdicts};
use crate::freshness::EvidenceFlag;
use crate::i18n::{Catalogue, Labels};
use crate::model::checklist::{Indicator, Section};
use crate::model::grades::GradeResult;
use crate::model::{Assessment, Checklist, Date, Method, Number, ReportKind, Scale, Text};
use crate::plan::{Plan, PlanInput};
use crate::score::{
    Basis, Exclusion, IndicatorResult, Overall, Scorecard, SectionResult, Status, StatusCounts, Trace,
};
pub use bands::{band_ranges, band_views};
use format::Formatter;
pub use link::is_safe_link;
use std::collections::HashMap;
pub use tool::ToolView;
pub use view::*;

/// What a report is built from.
pub struct ReportInput<'a> {
    pub checklist: &'a Checklist,
    pub assessment: &'a Assessment,
    pub scorecard: &'a Scorecard,
    /// The scorecard on the other basis, for an audited report's cover, which shows the
    /// verified and the self-assessed totals side by side; `None` on a self-assessment.
    pub counterpart: Option<&'a Scorecard>,
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
    let mut sections = builder.sections(input.checklist.sections(), &input.scorecard.sections, "");
    let filters = finder::report(&mut sections, &labels);
    ReportView {
        lang: input.lang.to_owned(),
        kind: kind_key(input.assessment.kind()).to_owned(),
        basis: match input.scorecard.basis {
            Basis::Verified => "verified",
            Basis::SelfAssessed => "self",
        }
        .to_owned(),
        document: builder.document(),
        cover: builder.cover(),
        summary: builder.summary(&sections),
        charts: builder.charts(&sections),
        plan: builder.plan_view(),
        compliance: builder.compliance_report(&sections),
        exceptions: builder.exceptions_report(),
        freshness: builder.freshness(&sections),
        filters,
        quality: builder.quality(),
        sign_off: builder.sign_off(),
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
    /// The compliance verdicts of the scorecard.
    verdicts: Verdicts,
    /// The evidence freshness flags of each indicator, grouped once rather than searched for
    /// each indicator.
    flags: HashMap<String, Vec<EvidenceFlag>>,
    /// The improvement plan, judged on the report date.
    plan: Plan,
}

impl<'a> Builder<'a> {
    fn new(input: &'a ReportInput<'a>, labels: &'a Labels) -> Self {
        let mut builder = Builder {
            input,
            labels,
            fmt: Formatter::new(labels),
            bands: Vec::new(),
            names: HashMap::new(),
            verdicts: Verdicts::of(input.scorecard),
            flags: HashMap::new(),
            plan: crate::plan::plan(&PlanInput {
                checklist: input.checklist,
                assessment: input.assessment,
                scorecard: input.scorecard,
                as_of: input.report_date,
            }),
        };
        for flag in crate::freshness::check(input.checklist, input.assessment, input.scorecard) {
            builder
                .flags
                .entry(flag.indicator.clone())
                .or_default()
                .push(flag);
        }
        builder.bands = band_views(input.checklist, input.lang);
        builder.collect_names(input.checklist.sections(), "");
        builder
    }

    fn text(&self, text: &Text) -> String {
        text.get(self.input.lang, self.input.checklist.default_language())
            .to_owned()
    }

    /// A section's title after its source code (see [`Section::heading`]).
    fn section_title(&self, section: &Section) -> String {
        section.heading(self.input.lang, self.input.checklist.default_language())
    }

    /// An indicator's text after its title and source code (see [`Indicator::heading`]).
    fn indicator_text(&self, indicator: &Indicator) -> String {
        indicator.heading(self.input.lang, self.input.checklist.default_language())
    }

    fn optional(&self, text: Option<&Text>) -> Option<String> {
        text.map(|t| self.text(t)).filter(|t| !t.trim().is_empty())
    }

    /// Why a critical indicator is critical; nothing for any other.
    fn rationale(&self, indicator: &crate::model::Indicator) -> Option<String> {
        self.optional(indicator.rationale.as_ref().filter(|_| indicator.critical))
    }

    fn score(&self, value: Option<f64>, band: Option<usize>) -> ScoreView {
        ScoreView {
            value,
            text: self.fmt.score(value),
            band: band.and_then(|b| self.bands.get(b).cloned()),
            no_aggregate: false,
            provisional: false,
        }
    }

    /// An aggregate as a reader sees it: its grade ("C+"), a sum's value ("3"), its rounded
    /// score ("63") or its score ("62.5"); "no aggregate" under `method: none`.
    fn aggregate(
        &self,
        trace: &Trace,
        value: Option<Number>,
        grade: Option<&GradeResult>,
        band: Option<usize>,
    ) -> ScoreView {
        let digits = self
            .input
            .checklist
            .scoring()
            .rounding
            .map_or(1, |r| r.digits as usize);
        let text = match (&trace.method, grade, value, trace.rounded) {
            (Method::None, ..) => self.labels.get("score_no_aggregate").to_owned(),
            (_, Some(grade), ..) => grade.code.clone(),
            (Method::Sum, None, Some(value), _) => self.fmt.number(value),
            (_, None, _, Some(rounded)) => self.fmt.fixed(rounded, digits),
            _ => self.fmt.score(trace.score),
        };
        ScoreView {
            value: trace.score,
            text,
            band: band.and_then(|b| self.bands.get(b).cloned()),
            no_aggregate: trace.method == Method::None,
            provisional: false,
        }
    }

    fn section_score(&self, result: &SectionResult) -> ScoreView {
        let score = self.aggregate(&result.trace, result.value, result.grade.as_ref(), result.band);
        concluded(score, result.conclusive)
    }

    /// An overall result of the report's scorecard (with or without its exceptions).
    fn overall_score(&self, overall: &Overall) -> ScoreView {
        self.total(self.input.scorecard, overall)
    }

    /// An overall result of `card`, which may be the counterpart on the other basis.
    fn total(&self, card: &Scorecard, overall: &Overall) -> ScoreView {
        concluded(
            self.aggregate(&overall.trace, None, None, overall.band),
            card.conclusive,
        )
    }

    /// "28 of 44 applicable indicators answered"; "no indicator applicable" when none is.
    fn answered(&self, counts: &StatusCounts) -> String {
        if counts.applicable() == 0 {
            return self.labels.get("label_none_applicable").to_owned();
        }
        self.labels.fill(
            "label_answered",
            &[
                ("answered", &counts.scored.to_string()),
                ("applicable", &counts.applicable().to_string()),
            ],
        )
    }

    /// The checklist's minimum completeness for a conclusion, "50%".
    fn min_completeness(&self) -> String {
        let min = self.input.checklist.scoring().min_completeness;
        self.labels.fill("percent", &[("value", &self.fmt.plain(min))])
    }

    /// How many answers an auditor reviewed.
    fn reviewed(&self) -> usize {
        self.entries()
            .iter()
            .filter(|e| {
                self.input
                    .assessment
                    .answer(&e.indicator.id)
                    .is_some_and(|a| a.review.is_some())
            })
            .count()
    }

    /// "10 of 33": the answers an auditor reviewed, of the indicators in scope.
    fn reviewed_of(&self) -> String {
        self.labels.fill(
            "reviewed_of",
            &[
                ("reviewed", &self.reviewed().to_string()),
                ("total", &self.input.scorecard.counts.in_scope().to_string()),
            ],
        )
    }

    fn collect_names(&mut self, sections: &[Section], prefix: &str) {
        for (i, section) in sections.iter().enumerate() {
            let number = format!("{prefix}{}", i + 1);
            self.names
                .insert(section.id.clone(), (number.clone(), self.section_title(section)));
            for indicator in &section.indicators {
                self.names.insert(
                    indicator.id.clone(),
                    (indicator.id.clone(), self.indicator_text(indicator)),
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

    /// The verdict of `compliance`, or `inconclusive` when too little was answered to conclude.
    fn compliance(&self, compliance: &Compliance, conclusive: bool) -> ComplianceView {
        let (verdict, statement) = match compliance.verdict {
            Verdict::NotApplicable => (
                "not-applicable",
                self.labels.get("status_not-applicable").to_owned(),
            ),
            Verdict::OutOfScope => ("out-of-scope", self.labels.get("status_out-of-scope").to_owned()),
            _ if !conclusive => ("inconclusive", self.labels.get("verdict_inconclusive").to_owned()),
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

    /// What the answer (or, with `reviewed`, its review) rates the indicator at, briefly: a
    /// level ("3", "C"), or a number with its unit ("57.5 %"); `None` when it rates nothing.
    fn given(&self, indicator: &Indicator, result: &IndicatorResult, reviewed: bool) -> Option<String> {
        match self.input.checklist.scale_of(indicator) {
            Some(scale) => {
                let level = if reviewed {
                    result.verified_level
                } else {
                    result.self_level
                };
                level.map(|l| scale.show(l).replace('.', self.labels.get("decimal_separator")))
            }
            None => {
                let answer = self.input.assessment.answer(&indicator.id)?;
                let value = if reviewed {
                    answer.review.as_ref()?.value
                } else {
                    answer.value
                };
                Some(self.fmt.quantity(value?, self.unit(indicator).as_deref()))
            }
        }
    }

    /// A number indicator's unit in the report's language.
    fn unit(&self, indicator: &Indicator) -> Option<String> {
        self.optional(indicator.unit.as_ref())
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

    fn method(&self, method: &Method) -> String {
        let key = match method {
            Method::WeightedMean => "method_weighted_mean",
            Method::Mean => "method_mean",
            Method::Min => "method_min",
            Method::WeakestLink => "method_weakest_link",
            Method::Sum => "method_sum",
            Method::None => "method_none",
            Method::Table(table) => return self.labels.fill("method_table", &[("table", table)]),
        };
        self.labels.get(key).to_owned()
    }
}

/// `score` as it is when enough was answered to conclude; else without a band, provisional.
fn concluded(score: ScoreView, conclusive: bool) -> ScoreView {
    if conclusive {
        return score;
    }
    ScoreView {
        band: None,
        provisional: score.value.is_some(),
        ..score
    }
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

/// A level as a reader sees it, "3 — Established", "7,5 — …" (by its code, "C — Basic", where
/// the scale has codes); empty without a level.
pub fn level_text(
    checklist: &Checklist,
    indicator: &Indicator,
    level: Option<Number>,
    lang: &str,
    fmt: &Formatter,
) -> String {
    match (checklist.scale_of(indicator), level) {
        (Some(scale), Some(level)) => scale_level_text(checklist, scale, level, lang, fmt),
        _ => String::new(),
    }
}

/// A level of `scale` as a reader sees it, "3 — Established"; empty when it is not on it.
pub fn scale_level_text(
    checklist: &Checklist,
    scale: &Scale,
    level: Number,
    lang: &str,
    fmt: &Formatter,
) -> String {
    scale
        .level(level)
        .map(|l| {
            let label = l.label.get(lang, checklist.default_language());
            let shown = l.code.clone().unwrap_or_else(|| fmt.number(level));
            format!("{shown} — {label}")
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
        Status::OutOfScope => "out-of-scope",
    }
}

/// The kebab-case name of a report's kind, as in the JSON output and the label keys.
pub fn kind_key(kind: ReportKind) -> &'static str {
    match kind {
        ReportKind::SelfAssessment => "self-assessment",
        ReportKind::Audited => "audited",
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
        Conformity::OutOfScope => "out-of-scope",
    }
}

fn exclusion_key(reason: Exclusion) -> &'static str {
    match reason {
        Exclusion::NotApplicable => "status_not-applicable",
        Exclusion::NotEnoughInformation => "status_not-enough-information",
        Exclusion::Unanswered => "status_unanswered",
        Exclusion::AcceptedException => "label_exception",
        Exclusion::NoScore => "excluded_no_score",
        Exclusion::OutOfScope => "status_out-of-scope",
    }
}
