//! The one serialiser of the answers model: an [`AnswersDoc`] as the YAML text that
//! [`crate::source`] reads back as an equal document.
//!
//! Every writer of answers files goes through [`yaml`], so that what they write is what the
//! engine reads: keys in the order of the format (docs/formats.md), absent keys left out,
//! strings quoted wherever YAML would read them as something else, exact numbers as written.
//! [`records`] writes what a workbook keeps but does not show for filling in (the scope, the
//! document control, approval, audit and quality records, the answers' targets and the
//! `actions:` list) alone, for the workbook, which keeps them as they are; [`read_records`]
//! reads them back.

use crate::model::AnswersDoc;
use crate::model::answers::Answer;
use crate::model::approval::Approval;
use crate::model::audit::Audit;
use crate::model::document::DocumentControl;
use crate::model::plan::{PlannedAction, Target};
use crate::model::quality::Quality;
use crate::model::scope::ScopeIds;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The answers file's YAML text.
pub fn yaml(doc: &AnswersDoc) -> String {
    serde_yaml::to_string(doc).expect("an answers document has string keys and finite numbers")
}

/// What an answers file holds beside the answers that the units answering do not fill in.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Records {
    #[serde(default, skip_serializing_if = "ScopeIds::is_empty")]
    pub scope: ScopeIds,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub document: Option<DocumentControl>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub approval: Option<Approval>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub audit: Option<Audit>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quality: Option<Quality>,
    /// The answers' own targets, by indicator id.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub targets: BTreeMap<String, Target>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub actions: Vec<PlannedAction>,
}

impl Records {
    pub fn of(doc: &AnswersDoc) -> Records {
        let targets = doc
            .answers
            .iter()
            .filter_map(|(id, answer)| Some((id.to_owned(), *answer.target.clone()?)))
            .collect();
        Records {
            scope: doc.scope.clone(),
            document: doc.document.clone(),
            approval: doc.approval.clone(),
            audit: doc.audit.clone(),
            quality: doc.quality.clone(),
            targets,
            actions: doc.actions.clone(),
        }
    }

    /// Puts the records into `doc`, after its answers: each target goes to its indicator's
    /// answer, `indicators` giving the order of answers that hold a target only.
    pub fn fill<'a>(mut self, doc: &mut AnswersDoc, indicators: impl Iterator<Item = &'a str>) {
        doc.scope = self.scope;
        doc.document = self.document;
        doc.approval = self.approval;
        doc.audit = self.audit;
        doc.quality = self.quality;
        doc.actions = self.actions;
        if self.targets.is_empty() {
            return;
        }
        doc.answers = indicators
            .filter_map(|id| {
                let mut answer = doc.answers.get(id).cloned().unwrap_or_default();
                answer.target = self.targets.remove(id).map(Box::new);
                (answer != Answer::default()).then(|| (id.to_owned(), answer))
            })
            .collect();
    }
}

/// The records as YAML; empty when there are none.
pub fn records(records: &Records) -> String {
    if *records == Records::default() {
        return String::new();
    }
    serde_yaml::to_string(records).expect("the records have string keys")
}

/// How the records are named in the loader's messages.
const RECORDS_NAME: &str = "records";

/// Records written by [`records`]; the parser's message when the text was damaged.
pub fn read_records(text: &str) -> Result<Records, String> {
    if text.trim().is_empty() {
        return Ok(Records::default());
    }
    // The workbook is untrusted input: its records go through the loader's checks (aliases,
    // nesting, control characters) like any answers file.
    let source = crate::source::Source::from_bytes(RECORDS_NAME, text.as_bytes()).map_err(|d| d.message)?;
    source.parse().map_err(|d| d.message)
}
