//! The sign-off: a self-assessment's approval («ЗАТВЕРДЖУЮ») with the assessors who prepared
//! it, or an audited report's attestation. Each signatory is written as the signature element of
//! an official document: the position, a line to sign on with the name after it, the date; what
//! the answers do not give is a line to fill in by hand.

use crate::i18n::Labels;
use crate::render::pdf::blocks::{heading, paragraph};
use crate::render::pdf::{Block, TextStyle};
use crate::report::{ReportView, Signatory};

/// A line to sign on, or to write what the answers do not give.
const LINE: &str = "________________________";

pub(super) fn sign_off(view: &ReportView, blocks: &mut Vec<Block>) {
    let (sign_off, labels) = (&view.sign_off, &view.labels);
    blocks.push(Block::PageBreak);
    blocks.push(heading(1, &sign_off.heading));
    if !sign_off.assessors.is_empty() {
        blocks.push(heading(2, labels.get("label_assessors")));
        signatures(&sign_off.assessors, labels, blocks);
    }
    if let Some(stamp) = &sign_off.stamp {
        blocks.push(Block::Spacer(4.0));
        blocks.push(paragraph(stamp.clone(), TextStyle::Bold));
    }
    blocks.push(paragraph(sign_off.statement.clone(), TextStyle::Normal));
    if let Some(scope) = &sign_off.scope {
        blocks.push(paragraph(
            format!("{}: {scope}", labels.get("label_audit_scope")),
            TextStyle::Normal,
        ));
    }
    signatures(&sign_off.signatories, labels, blocks);
}

/// Each signatory: the position, the line to sign on with the name, the date.
fn signatures(rows: &[Signatory], labels: &Labels, blocks: &mut Vec<Block>) {
    let given = |text: &Option<String>| text.clone().unwrap_or_else(|| LINE.to_owned());
    for signatory in rows {
        blocks.push(Block::Spacer(3.0));
        let date = signatory
            .date
            .clone()
            .unwrap_or_else(|| labels.get("date_to_fill").to_owned());
        blocks.push(paragraph(
            format!(
                "{}\n\n{LINE}  {}\n{date}",
                given(&signatory.position),
                given(&signatory.name)
            ),
            TextStyle::Normal,
        ));
    }
}
