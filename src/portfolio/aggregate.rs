//! The portfolio's aggregates: pure arithmetic over the members' scorecards, unrounded.
//!
//! - Section mean: the mean of the section's score over the members that have one.
//! - Below the pass mark: members whose section score is below `scoring.pass`.
//! - Weakest: the sections that hold indicators of their own, lowest mean first.
//! - Distribution: members per overall band (after the critical cap), and the lowest, median,
//!   highest and mean overall score of the members that have one.

use crate::model::{Checklist, Section};
use crate::score::{Scorecard, SectionResult};

/// One section across the portfolio.
#[derive(Debug, Clone, PartialEq)]
pub struct SectionStats {
    pub id: String,
    /// 1 for a top-level section.
    pub depth: usize,
    /// Whether the section holds indicators of its own (a section made only of sub-sections is
    /// ranked through them).
    pub has_indicators: bool,
    /// Mean score over the members that have a score for the section.
    pub mean: Option<f64>,
    /// Members with a score for the section.
    pub scored: usize,
    /// Members without one (nothing in the section was scored).
    pub no_score: usize,
    /// Members whose score is below the checklist's pass mark (`scoring.pass`).
    pub below_pass: usize,
}

/// The spread of the members' overall results.
#[derive(Debug, Clone, PartialEq)]
pub struct Distribution {
    /// Members per overall band after the critical cap, in the checklist's band order.
    pub bands: Vec<usize>,
    /// Members with an overall score.
    pub scored: usize,
    /// Members without one.
    pub no_score: usize,
    pub min: Option<f64>,
    /// The middle score; with an even number of scores, the mean of the two middle ones.
    pub median: Option<f64>,
    pub max: Option<f64>,
    pub mean: Option<f64>,
}

/// Every section result of a scorecard, depth first in checklist order.
pub fn flatten(card: &Scorecard) -> Vec<&SectionResult> {
    fn walk<'a>(results: &'a [SectionResult], out: &mut Vec<&'a SectionResult>) {
        for result in results {
            out.push(result);
            walk(&result.sections, out);
        }
    }
    let mut out = Vec::new();
    walk(&card.sections, &mut out);
    out
}

/// The statistics of every section, depth first in checklist order.
pub fn sections(checklist: &Checklist, cards: &[&Scorecard]) -> Vec<SectionStats> {
    fn walk<'a>(sections: &'a [Section], depth: usize, out: &mut Vec<(&'a Section, usize)>) {
        for section in sections {
            out.push((section, depth));
            walk(&section.sections, depth + 1, out);
        }
    }
    let mut shape = Vec::new();
    walk(checklist.sections(), 1, &mut shape);
    let results: Vec<Vec<&SectionResult>> = cards.iter().map(|card| flatten(card)).collect();
    let pass = checklist.scoring().pass;
    shape
        .iter()
        .enumerate()
        .map(|(i, (section, depth))| {
            let scores: Vec<f64> = results.iter().filter_map(|r| r[i].score).collect();
            SectionStats {
                id: section.id.clone(),
                depth: *depth,
                has_indicators: !section.indicators.is_empty(),
                mean: mean(&scores),
                scored: scores.len(),
                no_score: cards.len() - scores.len(),
                below_pass: scores.iter().filter(|s| **s < pass).count(),
            }
        })
        .collect()
}

/// Indexes of the ranked sections (those with indicators and a mean), lowest mean first.
pub fn weakest(sections: &[SectionStats]) -> Vec<usize> {
    let mut ranked: Vec<(usize, f64)> = sections
        .iter()
        .enumerate()
        .filter(|(_, s)| s.has_indicators)
        .filter_map(|(i, s)| s.mean.map(|m| (i, m)))
        .collect();
    ranked.sort_by(|a, b| a.1.total_cmp(&b.1));
    ranked.into_iter().map(|(i, _)| i).collect()
}

/// Members per band and the statistics of the overall scores.
pub fn distribution(checklist: &Checklist, cards: &[&Scorecard]) -> Distribution {
    let mut bands = vec![0; checklist.scoring().bands.len()];
    for band in cards.iter().filter_map(|c| c.overall.band) {
        bands[band] += 1;
    }
    let mut scores: Vec<f64> = cards.iter().filter_map(|c| c.overall.score).collect();
    let mean = mean(&scores);
    scores.sort_by(f64::total_cmp);
    let middle = scores.len() / 2;
    let median = match scores.len() {
        0 => None,
        n if n % 2 == 1 => Some(scores[middle]),
        _ => Some((scores[middle - 1] + scores[middle]) / 2.0),
    };
    Distribution {
        bands,
        scored: scores.len(),
        no_score: cards.len() - scores.len(),
        min: scores.first().copied(),
        median,
        max: scores.last().copied(),
        mean,
    }
}

fn mean(values: &[f64]) -> Option<f64> {
    (!values.is_empty()).then(|| values.iter().sum::<f64>() / values.len() as f64)
}
