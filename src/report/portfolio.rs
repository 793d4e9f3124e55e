//! The portfolio view: everything the portfolio's HTML template and PDF layout see,
//! display-ready.
//!
//! Like the report view, numbers are formatted here (the aggregates stay unrounded in
//! [`crate::portfolio`]), texts are in the portfolio's language and bands carry their colours.

use super::finder::{self, Filter};
use super::format::Formatter;
use super::view::{BandRangeView, BandView, ScoreView};
use super::{band_ranges, band_views};
use crate::diagnostic::Severity;
use crate::i18n::{Catalogue, Labels};
use crate::model::{Checklist, Date, Section};
use crate::portfolio::Portfolio;
use crate::score::band_for;
use serde::Serialize;

#[derive(Debug, Clone, Serialize)]
pub struct PortfolioView {
    /// The language of every text in the view.
    pub lang: String,
    pub labels: Labels,
    pub cover: PortfolioCover,
    /// The top-level sections: the columns of the heat map.
    pub columns: Vec<ColumnView>,
    /// One row per organisation, in the portfolio's order.
    pub rows: Vec<OrganisationRow>,
    /// The finder's filters over the organisations.
    pub filters: Vec<Filter>,
    /// The mean of each column over the organisations, the heat map's last row (the mean
    /// overall score is `distribution.mean`).
    pub means: Vec<ScoreView>,
    pub distribution: DistributionView,
    /// The sections that hold indicators, lowest mean first.
    pub weakest: Vec<WeakSectionView>,
    /// The checklist's bands, highest first, with their ranges.
    pub bands: Vec<BandRangeView>,
    /// The checklist's pass mark, "50".
    pub pass: String,
    pub skipped: Vec<SkippedView>,
    pub provenance: PortfolioProvenance,
}

#[derive(Debug, Clone, Serialize)]
pub struct PortfolioCover {
    pub title: String,
    pub checklist_id: String,
    pub checklist_version: String,
    /// Organisations in the portfolio.
    pub organisations: usize,
    /// Files left out.
    pub skipped: usize,
    /// "20 November 2026 – 25 November 2026", or one date when all are the same.
    pub assessed: Option<String>,
    pub report_date: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct ColumnView {
    pub id: String,
    /// "1", "2", ...
    pub number: String,
    pub title: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct OrganisationRow {
    pub organisation: String,
    pub file: String,
    pub assessed_on: String,
    /// One per column: the organisation's score of that top-level section.
    pub cells: Vec<ScoreView>,
    /// After the critical cap.
    pub overall: ScoreView,
    /// The band the overall score alone would give, when a critical failure lowered it.
    pub uncapped_band: Option<BandView>,
    pub completeness: String,
    /// Ids of the failed critical indicators, in checklist order.
    pub critical_failures: Vec<String>,
    /// The finder's tokens for this organisation (see [`super::finder`]).
    pub finder_tags: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct DistributionView {
    /// One bar per band, highest band first.
    pub bars: Vec<DistributionBar>,
    /// Organisations with an overall score, and without.
    pub scored: usize,
    pub no_score: usize,
    pub min: ScoreView,
    pub median: ScoreView,
    pub max: ScoreView,
    pub mean: ScoreView,
}

#[derive(Debug, Clone, Serialize)]
pub struct DistributionBar {
    pub band: BandView,
    /// Organisations whose overall band (after the cap) is this one.
    pub count: usize,
    /// Share of all organisations, 0-100, for the bar length.
    pub width: f64,
    /// The same share as text, "40.0%".
    pub share: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct WeakSectionView {
    pub id: String,
    pub number: String,
    pub title: String,
    pub mean: ScoreView,
    /// Organisations with a score for the section.
    pub scored: usize,
    pub no_score: usize,
    pub below_pass: usize,
    /// "2 of 5": organisations below the pass mark, of those with a score.
    pub below_pass_text: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct SkippedView {
    pub file: String,
    /// The errors that kept the file out, as printed on the terminal without their hints:
    /// "error[code]: file:line:column: message".
    pub errors: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct PortfolioProvenance {
    #[serde(flatten)]
    pub tool: super::ToolView,
    pub checklist_id: String,
    pub checklist_version: String,
    pub checklist_file: String,
    pub checklist_sha256: String,
    /// The answers files of the organisations, in row order.
    pub files: Vec<FileView>,
    /// The report's date (ISO 8601 in every language; the PDF's creation date).
    pub report_date: Date,
    /// The report's date as a reader writes it.
    pub date: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct FileView {
    pub file: String,
    pub sha256: String,
}

/// Builds the portfolio view in the portfolio's language.
pub fn build(portfolio: &Portfolio, catalogue: &Catalogue, report_date: Date) -> PortfolioView {
    let lang = portfolio.lang.as_str();
    let labels = catalogue.labels(lang);
    let fmt = Formatter::new(&labels);
    let checklist = &portfolio.checklist;
    let bands = band_views(checklist, lang);
    let text = |t: &crate::model::Text| t.get(lang, checklist.default_language()).to_owned();
    let score = |value: Option<f64>, band: Option<usize>| ScoreView {
        value,
        text: fmt.score(value),
        band: band.and_then(|b| bands.get(b).cloned()),
        no_aggregate: false,
        provisional: false,
    };
    let statistic = |value: Option<f64>| score(value, band_for(checklist, value));

    let numbered = numbered_sections(checklist);
    let columns: Vec<ColumnView> = checklist
        .sections()
        .iter()
        .enumerate()
        .map(|(i, s)| ColumnView {
            id: s.id.clone(),
            number: (i + 1).to_string(),
            title: text(&s.title),
        })
        .collect();
    let mut rows: Vec<OrganisationRow> = portfolio
        .members
        .iter()
        .map(|m| {
            let card = &m.scorecard;
            OrganisationRow {
                organisation: text(&m.organisation),
                file: m.origin.clone(),
                assessed_on: fmt.date(m.assessed_on),
                cells: card.sections.iter().map(|s| score(s.score, s.band)).collect(),
                overall: score(card.overall.score, card.overall.band),
                uncapped_band: card
                    .overall
                    .uncapped_band
                    .filter(|_| card.overall.capped)
                    .and_then(|b| bands.get(b).cloned()),
                completeness: fmt.percent(card.completeness),
                critical_failures: card.critical_failures.clone(),
                finder_tags: String::new(),
            }
        })
        .collect();
    let means = portfolio
        .sections
        .iter()
        .filter(|s| s.depth == 1)
        .map(|s| statistic(s.mean))
        .collect();
    let weakest = portfolio
        .weakest
        .iter()
        .map(|&i| {
            let stats = &portfolio.sections[i];
            let (number, section) = &numbered[i];
            WeakSectionView {
                id: stats.id.clone(),
                number: number.clone(),
                title: text(&section.title),
                mean: statistic(stats.mean),
                scored: stats.scored,
                no_score: stats.no_score,
                below_pass: stats.below_pass,
                below_pass_text: labels.fill(
                    "portfolio_count_of",
                    &[
                        ("count", &stats.below_pass.to_string()),
                        ("total", &stats.scored.to_string()),
                    ],
                ),
            }
        })
        .collect();
    let spread = &portfolio.distribution;
    let total = portfolio.members.len();
    let share = |count: usize| {
        if total == 0 {
            0.0
        } else {
            100.0 * count as f64 / total as f64
        }
    };
    let distribution = DistributionView {
        bars: bands
            .iter()
            .zip(&spread.bands)
            .rev()
            .map(|(band, &count)| DistributionBar {
                band: band.clone(),
                count,
                width: share(count),
                share: fmt.percent(Some(share(count))),
            })
            .collect(),
        scored: spread.scored,
        no_score: spread.no_score,
        min: statistic(spread.min),
        median: statistic(spread.median),
        max: statistic(spread.max),
        mean: statistic(spread.mean),
    };
    let dates = portfolio.members.iter().map(|m| m.assessed_on);
    let assessed = match (dates.clone().min(), dates.max()) {
        (Some(first), Some(last)) if first == last => Some(fmt.date(first)),
        (Some(first), Some(last)) => Some(format!("{} – {}", fmt.date(first), fmt.date(last))),
        _ => None,
    };
    let filters = finder::portfolio(&mut rows, &bands, &labels);
    PortfolioView {
        lang: lang.to_owned(),
        cover: PortfolioCover {
            title: text(checklist.title()),
            checklist_id: checklist.id().to_owned(),
            checklist_version: checklist.version().to_owned(),
            organisations: total,
            skipped: portfolio.skipped.len(),
            assessed,
            report_date: fmt.date(report_date),
        },
        columns,
        rows,
        filters,
        means,
        distribution,
        weakest,
        bands: band_ranges(checklist, &bands, &fmt).into_iter().rev().collect(),
        pass: fmt.plain(checklist.scoring().pass),
        skipped: portfolio
            .skipped
            .iter()
            .map(|s| SkippedView {
                file: s.file.clone(),
                errors: s
                    .diagnostics
                    .iter()
                    .filter(|d| d.severity == Severity::Error)
                    .map(|d| {
                        let text = d.to_string();
                        text.lines().next().unwrap_or_default().to_owned()
                    })
                    .collect(),
            })
            .collect(),
        provenance: PortfolioProvenance {
            tool: super::ToolView::new(&labels),
            checklist_id: checklist.id().to_owned(),
            checklist_version: checklist.version().to_owned(),
            checklist_file: fmt.file(&checklist.origin),
            checklist_sha256: checklist.sha256.clone(),
            files: portfolio
                .members
                .iter()
                .map(|m| FileView {
                    file: m.origin.clone(),
                    sha256: m.sha256.clone(),
                })
                .collect(),
            report_date,
            date: fmt.date(report_date),
        },
        labels,
    }
}

/// Every section with its number ("1", "5.2"), depth first in checklist order.
fn numbered_sections(checklist: &Checklist) -> Vec<(String, &Section)> {
    fn walk<'a>(sections: &'a [Section], prefix: &str, out: &mut Vec<(String, &'a Section)>) {
        for (i, section) in sections.iter().enumerate() {
            let number = format!("{prefix}{}", i + 1);
            out.push((number.clone(), section));
            walk(&section.sections, &format!("{number}."), out);
        }
    }
    let mut out = Vec::new();
    walk(checklist.sections(), "", &mut out);
    out
}
