//! The provenance: the tool, the inputs and their checksums.

use crate::render::pdf::blocks::{heading, paragraph, sha256_of, tool_and_checklist};
use crate::render::pdf::{Block, TextStyle};
use crate::report::ReportView;

pub(in crate::render::pdf) fn provenance(view: &ReportView, blocks: &mut Vec<Block>) {
    let (p, labels) = (&view.provenance, &view.labels);
    blocks.push(heading(1, labels.get("heading_provenance")));
    let mut rows = tool_and_checklist(
        labels,
        &p.tool,
        [&p.checklist_id, &p.checklist_version],
        [&p.checklist_file, &p.checklist_sha256],
    );
    rows.extend([
        (
            labels.get("label_answers_file").to_owned(),
            p.answers_file.clone(),
        ),
        (sha256_of(labels, "label_answers_file"), p.answers_sha256.clone()),
        (labels.get("label_basis").to_owned(), p.basis.clone()),
        (labels.get("label_report_date").to_owned(), p.date.clone()),
    ]);
    blocks.push(Block::KeyValues(rows));
    blocks.push(paragraph(labels.get("provenance_note"), TextStyle::Small));
}
