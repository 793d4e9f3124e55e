//! The improvement plan as its own PDF: a cover with the assessment's facts and the plan's
//! date, the contents, the plan part of the report ([`super::report::plan`]) and the
//! provenance; every page carries the report's classification and draft marks.

use super::blocks::contents;
use super::report::{document_of, plan::plan, provenance::provenance};
use super::{Block, Document};
use crate::report::ReportView;

/// The plan as a document for the PDF engine.
pub fn document(view: &ReportView) -> Document {
    let (cover, labels) = (&view.cover, &view.labels);
    let mut blocks = vec![Block::Title {
        text: cover.title.clone(),
        subtitle: Some(labels.get("heading_plan").to_owned()),
    }];
    let mut rows = vec![
        (
            labels.get("label_organisation").to_owned(),
            cover.organisation.clone(),
        ),
        (
            labels.get("label_checklist").to_owned(),
            format!("{} {}", cover.checklist_id, cover.checklist_version),
        ),
        (
            labels.get("label_assessed_on").to_owned(),
            cover.assessed_on.clone(),
        ),
        (labels.get("plan_date").to_owned(), view.plan.as_of.clone()),
        (labels.get("label_basis").to_owned(), cover.basis.clone()),
    ];
    if let Some(period) = &cover.period {
        rows.insert(2, (labels.get("label_period").to_owned(), period.clone()));
    }
    blocks.push(Block::KeyValues(rows));
    blocks.extend(contents(labels));
    plan(view, &mut blocks);
    provenance(view, &mut blocks);
    let title = format!("{}: {}", labels.get("heading_plan"), cover.title);
    let subject = format!("{}: {}", labels.get("heading_plan"), cover.organisation);
    document_of(view, title, subject, blocks)
}
