//! A portfolio: many organisations' assessments of one checklist, in a fixed order, with the
//! aggregates that compare them.
//!
//! [`collect`] reads and scores the files (in parallel); [`Portfolio::new`] puts the members in
//! a deterministic order (organisation name in the portfolio's language, then file path, never
//! the order the work finished in) and computes the [`aggregate`]s. Like scoring, everything here is pure arithmetic on
//! unrounded numbers: the report view formats it.

pub mod aggregate;
pub mod collect;

use crate::collation::NameOrder;
use crate::diagnostic::Diagnostics;
use crate::model::{Assessment, Checklist, Date, Text};
use crate::score::Scorecard;
use aggregate::{Distribution, SectionStats};

/// One organisation's assessment in the portfolio: what the portfolio shows of it, and its
/// scores ([`Scorecard::summary`]). The answers, the indicators' results and the traces are
/// not kept, so that a portfolio of many files holds little more of each than a row of its
/// tables.
#[derive(Debug, Clone)]
pub struct Member {
    pub organisation: Text,
    /// The file it was read from, as the user named it.
    pub origin: String,
    /// SHA-256 of the file's bytes, lowercase hex.
    pub sha256: String,
    pub assessed_on: Date,
    pub language: Option<String>,
    pub scorecard: Scorecard,
    /// Warnings found while validating the file.
    pub warnings: Diagnostics,
}

impl Member {
    /// Keeps of `assessment` and `scorecard` what the portfolio shows.
    pub fn new(assessment: &Assessment, scorecard: Scorecard, warnings: Diagnostics) -> Self {
        Member {
            organisation: assessment.organisation().clone(),
            origin: assessment.origin.clone(),
            sha256: assessment.sha256.clone(),
            assessed_on: assessment.assessed_on(),
            language: assessment.language().map(str::to_owned),
            scorecard: scorecard.summary(),
            warnings,
        }
    }
}

/// A file left out of the portfolio, with the errors that kept it out.
#[derive(Debug, Clone, PartialEq)]
pub struct Skipped {
    /// The file as the user named it (or as found in a folder).
    pub file: String,
    pub diagnostics: Diagnostics,
}

/// The assessments of one checklist, ordered, with their aggregates.
#[derive(Debug, Clone)]
pub struct Portfolio {
    pub checklist: Checklist,
    /// The language organisation names were sorted in.
    pub lang: String,
    /// By organisation name in `lang`, in that language's order ([`NameOrder`]), then by file
    /// path.
    pub members: Vec<Member>,
    /// By file path.
    pub skipped: Vec<Skipped>,
    /// Every section, depth first in checklist order (a section before its sub-sections).
    pub sections: Vec<SectionStats>,
    /// Indexes into `sections` of the sections that hold indicators and have a mean, lowest
    /// mean first; equal means keep checklist order.
    pub weakest: Vec<usize>,
    /// The overall scores and bands of the members.
    pub distribution: Distribution,
}

impl Portfolio {
    /// Orders the members and skipped files and computes the aggregates.
    pub fn new(
        checklist: Checklist,
        lang: &str,
        mut members: Vec<Member>,
        mut skipped: Vec<Skipped>,
    ) -> Self {
        let fallback = checklist.default_language();
        let order = NameOrder::new(lang);
        members.sort_by(|a, b| {
            let names = (
                a.organisation.get(lang, fallback),
                b.organisation.get(lang, fallback),
            );
            order
                .compare(names.0, names.1)
                .then_with(|| a.origin.cmp(&b.origin))
        });
        skipped.sort_by(|a, b| a.file.cmp(&b.file));
        let cards: Vec<&Scorecard> = members.iter().map(|m| &m.scorecard).collect();
        let sections = aggregate::sections(&checklist, &cards);
        let weakest = aggregate::weakest(&sections);
        let distribution = aggregate::distribution(&checklist, &cards);
        Portfolio {
            lang: lang.to_owned(),
            checklist,
            members,
            skipped,
            sections,
            weakest,
            distribution,
        }
    }
}

/// The portfolio's language: the one asked for, else the `language:` every member shares,
/// else the checklist's first.
pub fn language<'a>(requested: Option<&'a str>, checklist: &'a Checklist, members: &'a [Member]) -> &'a str {
    let mut shared = members.iter().map(|m| m.language.as_deref());
    let first = shared.next().flatten();
    let common = first.filter(|lang| shared.all(|other| other == Some(lang)));
    requested.or(common).unwrap_or(checklist.default_language())
}
