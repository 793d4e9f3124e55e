//! The one serialiser of the answers model: an [`AnswersDoc`] as the YAML text that
//! [`crate::source`] reads back as an equal document.
//!
//! Every writer of answers files goes through [`yaml`], so that what they write is what the
//! engine reads: keys in the order of the format (docs/formats.md), absent keys left out,
//! strings quoted wherever YAML would read them as something else, exact numbers as written.

use crate::model::AnswersDoc;

/// The answers file's YAML text.
pub fn yaml(doc: &AnswersDoc) -> String {
    serde_yaml::to_string(doc).expect("an answers document has string keys and finite numbers")
}
