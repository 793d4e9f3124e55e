//! JSON output: the scorecard with unrounded numbers, in a shape other programs can rely on.
//!
//! `oversight score --format json` prints [`result`]; the JSON report adds the provenance and
//! the report date. Bands appear as `{code, label}`, grades as `{code, value}`; texts in the
//! report's language. A rounded aggregate has its unrounded `score` and its `rounded` one.
//! Each indicator carries its compliance `conformity`, and each section its verdict, from
//! [`Verdicts`].

use crate::compliance::{Compliance, Conformity, Verdicts};
use crate::freshness::{self, EvidenceFlag};
use crate::model::grades::GradeResult;
use crate::model::{Assessment, Checklist, Date, Number};
use crate::report::ReportView;
use crate::report::view::Provenance;
use crate::score::{Basis, IndicatorResult, Overall, Scorecard, SectionResult, StatusCounts, Trace};
use serde::Serialize;

#[derive(Debug, Serialize)]
pub struct ResultJson<'a> {
    pub checklist: ChecklistJson<'a>,
    pub organisation: &'a str,
    pub assessed_on: Date,
    pub language: &'a str,
    pub basis: Basis,
    pub overall: OverallJson<'a>,
    pub without_exceptions: Option<OverallJson<'a>>,
    pub completeness: Option<f64>,
    pub critical_failures: &'a [String],
    pub counts: StatusCounts,
    pub compliance: Compliance,
    pub sections: Vec<SectionJson<'a>>,
    pub evidence_flags: Vec<EvidenceFlag>,
}

#[derive(Debug, Serialize)]
pub struct ChecklistJson<'a> {
    pub id: &'a str,
    pub version: &'a str,
}

#[derive(Debug, Serialize)]
pub struct BandJson<'a> {
    pub code: &'a str,
    pub label: &'a str,
}

#[derive(Debug, Serialize)]
pub struct OverallJson<'a> {
    pub score: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rounded: Option<f64>,
    pub band: Option<BandJson<'a>>,
    pub uncapped_band: Option<BandJson<'a>>,
    pub capped: bool,
    pub trace: &'a Trace,
}

#[derive(Debug, Serialize)]
pub struct SectionJson<'a> {
    pub id: &'a str,
    pub title: &'a str,
    pub weight: f64,
    pub score: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rounded: Option<f64>,
    /// The value of a `weakest-link`, `table` or `sum` section.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<Number>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub grade: Option<&'a GradeResult>,
    pub band: Option<BandJson<'a>>,
    pub trace: &'a Trace,
    pub compliance: Compliance,
    pub indicators: Vec<IndicatorJson<'a>>,
    pub sections: Vec<SectionJson<'a>>,
}

/// An indicator's result with its compliance conformity.
#[derive(Debug, Serialize)]
pub struct IndicatorJson<'a> {
    #[serde(flatten)]
    pub result: &'a IndicatorResult,
    pub conformity: Conformity,
}

/// A band of the checklist by index, its label in `lang`.
pub fn band<'a>(checklist: &'a Checklist, lang: &'a str, index: Option<usize>) -> Option<BandJson<'a>> {
    let band = &checklist.scoring().bands[index?];
    Some(BandJson {
        code: &band.code,
        label: band.label.get(lang, checklist.default_language()),
    })
}

/// The scorecard as JSON values, texts in `lang`.
pub fn result<'a>(
    checklist: &'a Checklist,
    assessment: &'a Assessment,
    scorecard: &'a Scorecard,
    lang: &'a str,
) -> ResultJson<'a> {
    let fallback = checklist.default_language();
    let verdicts = Verdicts::of(scorecard);
    let band = |index: Option<usize>| band(checklist, lang, index);
    let overall = |overall: &'a Overall| OverallJson {
        score: overall.score,
        rounded: overall.rounded,
        band: band(overall.band),
        uncapped_band: band(overall.uncapped_band),
        capped: overall.capped,
        trace: &overall.trace,
    };
    ResultJson {
        checklist: ChecklistJson {
            id: checklist.id(),
            version: checklist.version(),
        },
        organisation: assessment.organisation().get(lang, fallback),
        assessed_on: assessment.assessed_on(),
        language: lang,
        basis: scorecard.basis,
        overall: overall(&scorecard.overall),
        without_exceptions: scorecard.without_exceptions.as_ref().map(overall),
        completeness: scorecard.completeness,
        critical_failures: &scorecard.critical_failures,
        counts: scorecard.counts,
        compliance: verdicts.overall,
        sections: sections(checklist, &scorecard.sections, lang, &band, &verdicts),
        evidence_flags: freshness::check(checklist, assessment, scorecard),
    }
}

fn sections<'a>(
    checklist: &'a Checklist,
    results: &'a [SectionResult],
    lang: &'a str,
    band: &dyn Fn(Option<usize>) -> Option<BandJson<'a>>,
    verdicts: &Verdicts,
) -> Vec<SectionJson<'a>> {
    let fallback = checklist.default_language();
    let titles = section_titles(checklist.sections());
    results
        .iter()
        .map(|r| SectionJson {
            id: &r.id,
            title: titles
                .iter()
                .find(|(id, _)| *id == r.id)
                .map_or("", |(_, t)| t.get(lang, fallback)),
            weight: r.weight,
            score: r.score,
            rounded: r.rounded,
            value: r.value,
            grade: r.grade.as_ref(),
            band: band(r.band),
            trace: &r.trace,
            compliance: verdicts.section_compliance(&r.id),
            indicators: r
                .indicators
                .iter()
                .map(|result| IndicatorJson {
                    result,
                    conformity: verdicts.conformity(&result.id),
                })
                .collect(),
            sections: sections(checklist, &r.sections, lang, band, verdicts),
        })
        .collect()
}

fn section_titles(sections: &[crate::model::Section]) -> Vec<(&str, &crate::model::Text)> {
    let mut out = Vec::new();
    for section in sections {
        out.push((section.id.as_str(), &section.title));
        out.extend(section_titles(&section.sections));
    }
    out
}

/// `oversight score --format json`.
pub fn to_string(value: &impl Serialize) -> String {
    let mut text = serde_json::to_string_pretty(value).unwrap_or_default();
    text.push('\n');
    text
}

#[derive(Serialize)]
struct ReportJson<'a> {
    #[serde(flatten)]
    result: ResultJson<'a>,
    report_date: Date,
    provenance: &'a Provenance,
}

/// The JSON report: the result, the report date and the provenance.
pub fn report(
    checklist: &Checklist,
    assessment: &Assessment,
    scorecard: &Scorecard,
    view: &ReportView,
) -> Vec<u8> {
    let json = ReportJson {
        result: result(checklist, assessment, scorecard, &view.lang),
        report_date: view.provenance.report_date,
        provenance: &view.provenance,
    };
    to_string(&json).into_bytes()
}
