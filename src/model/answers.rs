//! One organisation's answers to a checklist, as written in YAML.
//!
//! [`AnswersDoc`] mirrors the file; [`crate::validate::answers`] checks it against its
//! checklist and returns an [`Assessment`], the only form that scoring accepts.

use super::approval::Approval;
use super::audit::{Audit, Exception, ReportKind, Review};
use super::date::Date;
use super::document::DocumentControl;
use super::number::Number;
use super::plan::{PlannedAction, Target};
use super::quality::Quality;
use super::scale::LevelRef;
use super::scope::ScopeIds;
use super::text::Text;
use super::unique_map::UniqueMap;
use serde::{Deserialize, Serialize};

/// The file as written; [`crate::write::answers`] writes one back as YAML, each key in the
/// order below and each absent key left out, so that it reads back equal.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AnswersDoc {
    pub checklist: String,
    pub checklist_version: String,
    pub organisation: Text,
    pub assessed_on: Date,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period: Option<Period>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    /// The scope values the assessment is limited to; none limits nothing.
    #[serde(default, skip_serializing_if = "ScopeIds::is_empty")]
    pub scope: ScopeIds,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub assessors: Vec<Assessor>,
    /// The report's number, version, status and classification.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub document: Option<DocumentControl>,
    /// The head of the organisation's approval of the self-assessment.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub approval: Option<Approval>,
    /// Who audited the answers, for which institution, when and what.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub audit: Option<Audit>,
    /// Peer reviews, comments on the draft and recorded disagreements.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quality: Option<Quality>,
    #[serde(default)]
    pub answers: UniqueMap<Answer>,
    /// The improvement plan: actions, each addressing one indicator or several.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub actions: Vec<PlannedAction>,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Period {
    pub from: Date,
    pub to: Date,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Assessor {
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
}

/// The answer to one indicator: a level (by value or code), a number, the criteria met, or a
/// status saying why there is none. The parts most answers lack are boxed, so that a file of
/// many answers holds little for each (docs/limits.md#memory).
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Answer {
    /// The level reached, on a scale indicator (for a criteria indicator, it must equal the
    /// level the criteria give).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub level: Option<LevelRef>,
    /// The quantity measured, on a number indicator.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<Number>,
    /// The ids of the criteria met, on a criteria indicator; `[]` when none is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub criteria_met: Option<Vec<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<AnswerStatus>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comment: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub evidence: Vec<Evidence>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub action: Option<Box<Action>>,
    /// The level to reach, overriding the checklist's target for the indicator.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target: Option<Box<Target>>,
    /// An auditor's verification of the level.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub review: Option<Box<Review>>,
    /// A deficiency accepted as a risk, until a date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub exception: Option<Box<Exception>>,
    /// Why the answer changed since the previous round, for the comparison of rounds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub change_note: Option<String>,
}

impl Answer {
    /// Whether it gives a level, a value or criteria.
    pub fn is_rated(&self) -> bool {
        self.level.is_some() || self.value.is_some() || self.criteria_met.is_some()
    }
}

/// A status written instead of a level.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum AnswerStatus {
    NotApplicable,
    NotEnoughInformation,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Evidence {
    pub title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<Date>,
    /// A link or a registry reference.
    #[serde(default, rename = "ref", skip_serializing_if = "Option::is_none")]
    pub reference: Option<Text>,
    /// What kind of evidence it is; a legal act in force is never out of date.
    #[serde(default, skip_serializing_if = "EvidenceKind::is_record")]
    pub kind: EvidenceKind,
}

/// What kind of document an evidence item is, for its freshness.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum EvidenceKind {
    /// A record of practice (a report, a register, minutes): it ages.
    #[default]
    Record,
    /// A law, decree, strategy or other act in force on the assessment date: it is current
    /// until it is repealed, whatever its date.
    ActInForce,
}

impl EvidenceKind {
    fn is_record(&self) -> bool {
        *self == EvidenceKind::Record
    }

    /// As the file writes it.
    pub fn key(self) -> &'static str {
        match self {
            EvidenceKind::Record => "record",
            EvidenceKind::ActInForce => "act-in-force",
        }
    }

    /// The kind a file's key names.
    pub fn from_key(key: &str) -> Option<EvidenceKind> {
        [EvidenceKind::Record, EvidenceKind::ActInForce]
            .into_iter()
            .find(|k| k.key() == key)
    }
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Action {
    pub text: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due: Option<Date>,
}

/// Answers that passed validation against their checklist.
#[derive(Debug, Clone)]
pub struct Assessment {
    doc: AnswersDoc,
    /// Where it was read from, as the user named it.
    pub origin: String,
    /// SHA-256 of the file's bytes, lowercase hex.
    pub sha256: String,
}

impl Assessment {
    pub(crate) fn new(doc: AnswersDoc, origin: String, sha256: String) -> Self {
        Assessment { doc, origin, sha256 }
    }

    /// The answers as written, for writing them back ([`crate::write::answers`]).
    pub fn doc(&self) -> &AnswersDoc {
        &self.doc
    }

    pub fn organisation(&self) -> &Text {
        &self.doc.organisation
    }

    pub fn assessed_on(&self) -> Date {
        self.doc.assessed_on
    }

    pub fn period(&self) -> Option<&Period> {
        self.doc.period.as_ref()
    }

    pub fn language(&self) -> Option<&str> {
        self.doc.language.as_deref()
    }

    /// The scope values the assessment chose (see [`super::scope`]).
    pub fn scope(&self) -> &ScopeIds {
        &self.doc.scope
    }

    pub fn assessors(&self) -> &[Assessor] {
        &self.doc.assessors
    }

    pub fn document(&self) -> Option<&DocumentControl> {
        self.doc.document.as_ref()
    }

    pub fn approval(&self) -> Option<&Approval> {
        self.doc.approval.as_ref()
    }

    pub fn audit(&self) -> Option<&Audit> {
        self.doc.audit.as_ref()
    }

    pub fn quality(&self) -> Option<&Quality> {
        self.doc.quality.as_ref()
    }

    /// Audited when at least one answer carries a review, else a self-assessment.
    pub fn kind(&self) -> ReportKind {
        if self.answers().any(|(_, a)| a.review.is_some()) {
            ReportKind::Audited
        } else {
            ReportKind::SelfAssessment
        }
    }

    pub fn answer(&self, indicator_id: &str) -> Option<&Answer> {
        self.doc.answers.get(indicator_id)
    }

    pub fn answers(&self) -> impl Iterator<Item = (&str, &Answer)> {
        self.doc.answers.iter()
    }

    /// The `actions:` list, in file order.
    pub fn actions(&self) -> &[PlannedAction] {
        &self.doc.actions
    }

    /// How many indicators of `checklist` in this assessment's scope have an answer (a level,
    /// a value, criteria or a status), and how many are in scope; an answer out of scope is
    /// ignored, so it counts for nothing.
    pub fn answered_in_scope(&self, checklist: &super::Checklist) -> (usize, usize) {
        let in_scope: Vec<_> = checklist
            .indicators()
            .into_iter()
            .filter(|i| checklist.in_scope(i, self.scope()))
            .collect();
        let answered = in_scope
            .iter()
            .filter_map(|i| self.answer(&i.id))
            .filter(|answer| answer.is_rated() || answer.status.is_some())
            .count();
        (answered, in_scope.len())
    }
}
