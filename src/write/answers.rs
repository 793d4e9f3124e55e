//! The one serialiser of the answers model: an [`AnswersDoc`] as the YAML text that
//! [`crate::source`] reads back as an equal document.
//!
//! Every writer of answers files goes through [`yaml`], so that what they write is what the
//! engine reads: keys in the order of the format (docs/formats.md), absent keys left out,
//! strings quoted wherever YAML would read them as something else, exact numbers as written.
//! [`records`] writes the header's records (document control, approval, audit, quality) alone,
//! for the workbook, which keeps them as they are; [`read_records`] reads them back.

use crate::model::AnswersDoc;
use crate::model::approval::Approval;
use crate::model::audit::Audit;
use crate::model::document::DocumentControl;
use crate::model::quality::Quality;
use serde::{Deserialize, Serialize};

/// The answers file's YAML text.
pub fn yaml(doc: &AnswersDoc) -> String {
    serde_yaml::to_string(doc).expect("an answers document has string keys and finite numbers")
}

/// The records of an answers file's header, which the units answering do not fill in.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Records {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub document: Option<DocumentControl>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub approval: Option<Approval>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub audit: Option<Audit>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quality: Option<Quality>,
}

impl Records {
    pub fn of(doc: &AnswersDoc) -> Records {
        Records {
            document: doc.document.clone(),
            approval: doc.approval.clone(),
            audit: doc.audit.clone(),
            quality: doc.quality.clone(),
        }
    }

    /// Puts the records into `doc`.
    pub fn fill(self, doc: &mut AnswersDoc) {
        doc.document = self.document;
        doc.approval = self.approval;
        doc.audit = self.audit;
        doc.quality = self.quality;
    }
}

/// The records as YAML; empty when there are none.
pub fn records(records: &Records) -> String {
    if *records == Records::default() {
        return String::new();
    }
    serde_yaml::to_string(records).expect("the records have string keys")
}

/// Records written by [`records`]; the parser's message when the text was damaged.
pub fn read_records(text: &str) -> Result<Records, String> {
    if text.trim().is_empty() {
        return Ok(Records::default());
    }
    serde_yaml::from_str(text).map_err(|e| e.to_string())
}
