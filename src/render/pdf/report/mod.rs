//! The PDF report's content: the [`ReportView`] as a sequence of [`Block`](super::Block)s.
//!
//! The same parts as the HTML report, in the same order, one file each (named like the HTML
//! template and the view part they render): cover, executive summary, charts, findings per
//! section, compliance findings with the sign-off, accepted exceptions, evidence freshness,
//! action plan, methodology with the calculation traces, provenance. Layout and drawing are the
//! engine's ([`super::layout`], [`super::write`]).

mod actions;
mod charts;
mod compliance;
mod cover;
mod exceptions;
mod findings;
mod freshness;
mod methodology;
mod provenance;
mod summary;

use super::Document;
use super::blocks::contents;
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
    actions::actions(view, &mut blocks);
    methodology::methodology(view, &mut blocks);
    provenance::provenance(view, &mut blocks);
    Document {
        title: view.cover.title.clone(),
        author: view.cover.organisation.clone(),
        subject: format!("{}: {}", labels.get("report_kicker"), view.cover.organisation),
        date: view.provenance.report_date.0,
        lang: view.lang.clone(),
        footer_left: view.cover.organisation.clone(),
        page_label: labels.get("page_of").to_owned(),
        blocks,
    }
}
