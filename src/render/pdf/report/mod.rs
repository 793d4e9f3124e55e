//! The PDF report's content: the [`ReportView`] as a sequence of [`Block`](super::Block)s.
//!
//! The same parts as the HTML report, in the same order, one file each (named like the HTML
//! template and the view part they render): cover, executive summary, charts, findings per
//! section, compliance findings, accepted exceptions (when there are any), evidence freshness,
//! improvement plan, the quality-assurance record (when the answers have one), the sign-off,
//! methodology with the calculation traces, provenance. Every page carries the document's
//! classification and draft marks, and its number and version in the footer. Layout and drawing
//! are the engine's ([`super::layout`], [`super::write`]).

mod charts;
mod compliance;
mod cover;
mod exceptions;
mod findings;
mod freshness;
mod methodology;
pub(in crate::render::pdf) mod plan;
pub(in crate::render::pdf) mod provenance;
mod quality;
mod sign_off;
mod summary;

use super::blocks::contents;
use super::{Block, Document, PageMarks};
use crate::report::ReportView;

/// The whole report as a document for the PDF engine.
pub fn document(view: &ReportView) -> Document {
    let labels = &view.labels;
    let mut blocks = Vec::new();
    cover::cover(view, &mut blocks);
    blocks.extend(contents(labels));
    summary::summary(view, &mut blocks);
    charts::charts(view, &mut blocks);
    findings::findings(view, &mut blocks);
    compliance::compliance(view, &mut blocks);
    exceptions::exceptions(view, &mut blocks);
    freshness::freshness(view, &mut blocks);
    plan::plan(view, &mut blocks);
    quality::quality(view, &mut blocks);
    sign_off::sign_off(view, &mut blocks);
    methodology::methodology(view, &mut blocks);
    provenance::provenance(view, &mut blocks);
    let subject = format!("{}: {}", view.cover.kicker, view.cover.organisation);
    document_of(view, view.cover.title.clone(), subject, blocks)
}

/// A document of one assessment's blocks (the report, the plan): its metadata, footer and
/// marks from the view, under the given title and subject.
pub(in crate::render::pdf) fn document_of(
    view: &ReportView,
    title: String,
    subject: String,
    blocks: Vec<Block>,
) -> Document {
    Document {
        title,
        author: view.cover.organisation.clone(),
        subject,
        date: view.provenance.report_date.0,
        lang: view.lang.clone(),
        footer_left: footer_left(view),
        page_label: view.labels.get("page_of").to_owned(),
        marks: marks(view),
        blocks,
    }
}

/// The organisation and the document's reference, "Ministry · 12/3-45".
pub(in crate::render::pdf) fn footer_left(view: &ReportView) -> String {
    [view.cover.organisation.as_str(), view.document.reference.as_str()]
        .into_iter()
        .filter(|t| !t.is_empty())
        .collect::<Vec<_>>()
        .join(" · ")
}

/// The document's classification and draft marks, on every page.
pub(in crate::render::pdf) fn marks(view: &ReportView) -> PageMarks {
    PageMarks {
        classification: view.document.classification.clone(),
        draft: view.document.draft_mark.clone(),
    }
}
