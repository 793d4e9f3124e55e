//! JSON output: the scorecard with unrounded numbers, in a shape other programs can rely on.
//!
//! `oversight score --format json` prints [`result`] (with the kind of report and whether enough
//! was answered to conclude); the JSON report adds the report date, the document control, the
//! sign-off (`approval` or `attestation`), the quality-assurance record and the provenance.
//! Bands appear as `{code, label}`, grades as `{code, value}`; texts in the report's language.
//! A rounded aggregate has its unrounded `score` and its `rounded` one.
//! Each indicator carries its compliance `conformity`, and each section its verdict, from
//! [`Verdicts`].

use crate::compliance::{Compliance, Conformity, Verdicts};
use crate::freshness::{self, EvidenceFlag};
use crate::model::grades::GradeResult;
use crate::model::{Assessment, Checklist, Date, DocumentControl, Number, Quality, ReportKind};
use crate::report::ReportView;
use crate::report::view::Provenance;
use crate::score::{
    Basis, IndicatorResult, Overall, Scorecard, SectionResult, StatusCounts, Trace, all_indicator_results,
};
use serde::Serialize;

#[derive(Debug, Serialize)]
pub struct ResultJson<'a> {
    pub checklist: ChecklistJson<'a>,
    pub organisation: &'a str,
    pub assessed_on: Date,
    pub language: &'a str,
    pub basis: Basis,
    /// `self-assessment` or `audited`.
    pub kind: ReportKind,
    pub overall: OverallJson<'a>,
    pub without_exceptions: Option<OverallJson<'a>>,
    pub completeness: Option<f64>,
    /// Whether enough was answered for a band and a verdict; when false, the bands and the
    /// compliance verdicts are not conclusions (the reports do not show them).
    pub conclusive: bool,
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
    /// The source's own code for the section.
    #[serde(rename = "ref", skip_serializing_if = "Option::is_none")]
    pub ref_id: Option<&'a str>,
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
    pub completeness: Option<f64>,
    pub conclusive: bool,
    pub counts: StatusCounts,
    pub trace: &'a Trace,
    pub compliance: Compliance,
    /// An assessable section's own answer.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub own: Option<IndicatorJson<'a>>,
    pub indicators: Vec<IndicatorJson<'a>>,
    pub sections: Vec<SectionJson<'a>>,
}

/// An indicator's result with its compliance conformity.
#[derive(Debug, Serialize)]
pub struct IndicatorJson<'a> {
    /// The source's own code for the indicator, when it is not its id.
    #[serde(rename = "ref", skip_serializing_if = "Option::is_none")]
    pub ref_id: Option<&'a str>,
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
        kind: assessment.kind(),
        overall: overall(&scorecard.overall),
        without_exceptions: scorecard.without_exceptions.as_ref().map(overall),
        completeness: scorecard.completeness,
        conclusive: scorecard.conclusive,
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
    let all = checklist.all_sections();
    let indicator = |result: &'a IndicatorResult| IndicatorJson {
        ref_id: checklist
            .indicator(&result.id)
            .and_then(|i| i.ref_id.as_deref())
            .filter(|code| *code != result.id),
        result,
        conformity: verdicts.conformity(&result.id),
    };
    results
        .iter()
        .map(|r| {
            let section = all.iter().find(|s| s.id == r.id);
            SectionJson {
                id: &r.id,
                ref_id: section.and_then(|s| s.ref_id.as_deref()),
                title: section.map_or("", |s| s.title.get(lang, fallback)),
                weight: r.weight,
                score: r.score,
                rounded: r.rounded,
                value: r.value,
                grade: r.grade.as_ref(),
                band: band(r.band),
                completeness: r.completeness,
                conclusive: r.conclusive,
                counts: r.counts,
                trace: &r.trace,
                compliance: verdicts.section_compliance(&r.id),
                own: r.own.as_ref().map(indicator),
                indicators: r.indicators.iter().map(indicator).collect(),
                sections: sections(checklist, &r.sections, lang, band, verdicts),
            }
        })
        .collect()
}

/// Every JSON output (`oversight score --format json`, the JSON reports): indented, with every
/// invisible character written as an escape (see [`escape_invisible`]).
pub fn to_string(value: &impl Serialize) -> String {
    let mut text = escape_invisible(serde_json::to_string_pretty(value).unwrap_or_default());
    text.push('\n');
    text
}

/// JSON text with the characters that serde_json leaves as they are but that can act on a
/// terminal or hide in a viewer written as `\uXXXX`: DEL and the C1 controls (U+009B starts
/// a terminal escape sequence), the line and paragraph separators (line ends to YAML and to
/// JavaScript), the bidirectional overrides and the byte-order mark. Outside strings JSON has
/// none of them, so every one replaced is inside a string, where the escape means the same
/// character.
pub fn escape_invisible(json: String) -> String {
    let invisible = |c: char| {
        (c.is_control() && c != '\n')
            || matches!(c, '\u{2028}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{feff}')
    };
    if !json.contains(invisible) {
        return json;
    }
    let mut out = String::with_capacity(json.len() + 16);
    for c in json.chars() {
        if invisible(c) {
            out.push_str(&format!("\\u{:04x}", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    out
}

#[derive(Serialize)]
struct ReportJson<'a> {
    #[serde(flatten)]
    result: ResultJson<'a>,
    report_date: Date,
    document: Option<&'a DocumentControl>,
    sign_off: Vec<SignOffJson<'a>>,
    quality: Option<&'a Quality>,
    provenance: &'a Provenance,
}

/// Who signs the report: the approval of a self-assessment, or the attestation of an audited one.
#[derive(Serialize)]
#[serde(tag = "role", rename_all = "kebab-case")]
enum SignOffJson<'a> {
    Approval {
        /// `approval:`; absent, the report leaves the lines blank.
        position: Option<&'a str>,
        name: Option<&'a str>,
        date: Option<Date>,
        /// The assessors, who sign as having prepared it.
        assessors: Vec<&'a str>,
    },
    Attestation {
        /// `audit.by`, else the reviewers.
        auditors: &'a [String],
        institution: Option<&'a str>,
        /// `audit.date`, else the latest review date.
        date: Option<Date>,
        scope: Option<&'a str>,
        /// How many answers the auditor verified, of how many.
        reviewed: usize,
        answers: usize,
        /// The attestation's words, in the report's language.
        statement: &'a str,
    },
}

/// The sign-off of the report, from the answers and, for the attestation, the view's words.
fn sign_off<'a>(assessment: &'a Assessment, scorecard: &Scorecard, view: &'a ReportView) -> SignOffJson<'a> {
    let Some(audit) = &view.cover.audit else {
        let approval = assessment.approval();
        return SignOffJson::Approval {
            position: approval.map(|a| a.position.as_str()),
            name: approval.map(|a| a.name.as_str()),
            date: approval.and_then(|a| a.date),
            assessors: assessment.assessors().iter().map(|a| a.name.as_str()).collect(),
        };
    };
    let reviews = || assessment.answers().filter_map(|(_, a)| a.review.as_ref());
    SignOffJson::Attestation {
        auditors: &audit.auditors,
        institution: audit.institution.as_deref(),
        date: assessment
            .audit()
            .and_then(|a| a.date)
            .or_else(|| reviews().filter_map(|r| r.date).max()),
        scope: audit.scope.as_deref(),
        reviewed: all_results(scorecard)
            .filter(|r| r.verified_level.is_some())
            .count(),
        answers: scorecard.counts.in_scope(),
        statement: &view.sign_off.statement,
    }
}

fn all_results(scorecard: &Scorecard) -> impl Iterator<Item = &IndicatorResult> {
    scorecard.sections.iter().flat_map(all_indicator_results)
}

/// The JSON report: the result, the report date, the document control, the sign-off, the
/// quality-assurance record and the provenance.
pub fn report(
    checklist: &Checklist,
    assessment: &Assessment,
    scorecard: &Scorecard,
    view: &ReportView,
) -> Vec<u8> {
    let json = ReportJson {
        result: result(checklist, assessment, scorecard, &view.lang),
        report_date: view.provenance.report_date,
        document: assessment.document(),
        sign_off: vec![sign_off(assessment, scorecard, view)],
        quality: assessment.quality(),
        provenance: &view.provenance,
    };
    to_string(&json).into_bytes()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invisible_characters_become_escapes_that_read_back() {
        let text = "a\u{7f}b\u{9b}c\u{2028}d\u{202e}e\u{feff}f\u{1b}g — ї";
        let json = to_string(&serde_json::json!({ "file": text }));
        assert_eq!(
            json,
            "{\n  \"file\": \"a\\u007fb\\u009bc\\u2028d\\u202ee\\ufefff\\u001bg — ї\"\n}\n"
        );
        let back: serde_json::Value = serde_json::from_str(&json).expect("valid JSON");
        assert_eq!(back["file"], text);
    }
}
