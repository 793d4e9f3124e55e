//! The portfolio as JSON: every organisation's results and the aggregates, unrounded.

use crate::diagnostic::Diagnostics;
use crate::model::Date;
use crate::portfolio::Portfolio;
use crate::portfolio::aggregate::flatten;
use crate::render::json::{BandJson, ChecklistJson, band, to_string};
use crate::report::portfolio::{PortfolioProvenance, PortfolioView};
use serde::Serialize;

#[derive(Serialize)]
struct PortfolioJson<'a> {
    checklist: ChecklistJson<'a>,
    language: &'a str,
    report_date: Date,
    /// The pass mark the `below_pass` counts use.
    pass: f64,
    organisations: Vec<OrganisationJson<'a>>,
    sections: Vec<SectionJson<'a>>,
    /// Ids of the ranked sections, lowest mean first.
    weakest: Vec<&'a str>,
    distribution: DistributionJson<'a>,
    skipped: Vec<SkippedJson<'a>>,
    provenance: &'a PortfolioProvenance,
}

#[derive(Serialize)]
struct OrganisationJson<'a> {
    organisation: &'a str,
    file: &'a str,
    assessed_on: Date,
    overall: OverallJson<'a>,
    completeness: Option<f64>,
    critical_failures: &'a [String],
    /// Every section, depth first in checklist order.
    sections: Vec<ScoreJson<'a>>,
}

#[derive(Serialize)]
struct OverallJson<'a> {
    score: Option<f64>,
    band: Option<BandJson<'a>>,
    uncapped_band: Option<BandJson<'a>>,
    capped: bool,
}

#[derive(Serialize)]
struct ScoreJson<'a> {
    id: &'a str,
    score: Option<f64>,
    band: Option<BandJson<'a>>,
}

#[derive(Serialize)]
struct SectionJson<'a> {
    id: &'a str,
    depth: usize,
    mean: Option<f64>,
    scored: usize,
    no_score: usize,
    below_pass: usize,
}

#[derive(Serialize)]
struct DistributionJson<'a> {
    /// Every band, in the checklist's order, with the organisations whose overall band it is.
    bands: Vec<BandCountJson<'a>>,
    scored: usize,
    no_score: usize,
    min: Option<f64>,
    median: Option<f64>,
    max: Option<f64>,
    mean: Option<f64>,
}

#[derive(Serialize)]
struct BandCountJson<'a> {
    code: &'a str,
    label: &'a str,
    count: usize,
}

#[derive(Serialize)]
struct SkippedJson<'a> {
    file: &'a str,
    diagnostics: &'a Diagnostics,
}

/// The JSON portfolio; texts in the portfolio's language, provenance from the view.
pub fn portfolio(portfolio: &Portfolio, view: &PortfolioView) -> Vec<u8> {
    let (checklist, lang) = (&portfolio.checklist, portfolio.lang.as_str());
    let fallback = checklist.default_language();
    let spread = &portfolio.distribution;
    let json = PortfolioJson {
        checklist: ChecklistJson {
            id: checklist.id(),
            version: checklist.version(),
        },
        language: lang,
        report_date: view.provenance.report_date,
        pass: checklist.scoring().pass,
        organisations: portfolio
            .members
            .iter()
            .map(|m| {
                let card = &m.scorecard;
                OrganisationJson {
                    organisation: m.organisation.get(lang, fallback),
                    file: &m.origin,
                    assessed_on: m.assessed_on,
                    overall: OverallJson {
                        score: card.overall.score,
                        band: band(checklist, lang, card.overall.band),
                        uncapped_band: band(checklist, lang, card.overall.uncapped_band),
                        capped: card.overall.capped,
                    },
                    completeness: card.completeness,
                    critical_failures: &card.critical_failures,
                    sections: flatten(card)
                        .into_iter()
                        .map(|s| ScoreJson {
                            id: &s.id,
                            score: s.score,
                            band: band(checklist, lang, s.band),
                        })
                        .collect(),
                }
            })
            .collect(),
        sections: portfolio
            .sections
            .iter()
            .map(|s| SectionJson {
                id: &s.id,
                depth: s.depth,
                mean: s.mean,
                scored: s.scored,
                no_score: s.no_score,
                below_pass: s.below_pass,
            })
            .collect(),
        weakest: portfolio
            .weakest
            .iter()
            .map(|&i| portfolio.sections[i].id.as_str())
            .collect(),
        distribution: DistributionJson {
            bands: checklist
                .scoring()
                .bands
                .iter()
                .zip(&spread.bands)
                .map(|(b, &count)| BandCountJson {
                    code: &b.code,
                    label: b.label.get(lang, fallback),
                    count,
                })
                .collect(),
            scored: spread.scored,
            no_score: spread.no_score,
            min: spread.min,
            median: spread.median,
            max: spread.max,
            mean: spread.mean,
        },
        skipped: portfolio
            .skipped
            .iter()
            .map(|s| SkippedJson {
                file: &s.file,
                diagnostics: &s.diagnostics,
            })
            .collect(),
        provenance: &view.provenance,
    };
    to_string(&json).into_bytes()
}
