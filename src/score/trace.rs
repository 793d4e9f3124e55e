//! The calculation trace of an aggregate: the children that counted, the ones left out and
//! why, and the steps of the method, so that a reader can recompute every number by hand.

use crate::model::{Method, Number};
use serde::Serialize;

/// Whether a counted child is an indicator or a section.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum NodeKind {
    Indicator,
    Section,
}

/// A child that counted in an aggregate.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Term {
    pub id: String,
    pub kind: NodeKind,
    pub score: f64,
    pub weight: f64,
    /// The value the method combined (a level value, points or a grade value); only under
    /// `weakest-link`, `table` and `sum`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<Number>,
    /// The value's level or grade code, where it has one ("B").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    /// Counted at the lowest level for want of information (PEFA's D*).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub scored_as_lowest: bool,
    /// The pooled section this child belongs to, when it counts here through `pool: true`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pooled_from: Option<String>,
}

/// Why a child was left out of an aggregate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Exclusion {
    NotApplicable,
    NotEnoughInformation,
    Unanswered,
    /// An accepted exception that has not expired on the assessment date.
    AcceptedException,
    /// A section none of whose children had a score.
    NoScore,
    /// Outside the scope the answers chose (an indicator, or a section with nothing in scope).
    OutOfScope,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Excluded {
    pub id: String,
    pub kind: NodeKind,
    pub reason: Exclusion,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pooled_from: Option<String>,
}

/// The steps of a method that combines values, beyond its terms.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Calculation {
    /// The lowest value, and whether another child is higher (which raises the result one grade).
    WeakestLink { lowest: Number, others_higher: bool },
    /// The number of children and the sum of their values, looked up in the table.
    Table {
        table: String,
        count: usize,
        sum: Number,
        /// The sum after `rounding`, when the checklist rounds.
        #[serde(skip_serializing_if = "Option::is_none")]
        rounded_sum: Option<Number>,
    },
    /// An assessable section's own answer, which counts instead of its children; `children`
    /// is what they would have given.
    OwnAnswer { children: Option<f64> },
    /// The sum of the children's values, and the range it falls in.
    Sum {
        sum: Number,
        #[serde(skip_serializing_if = "Option::is_none")]
        rounded_sum: Option<Number>,
        /// Index into the section's `ranges`; absent without ranges.
        #[serde(skip_serializing_if = "Option::is_none")]
        range: Option<usize>,
    },
}

/// How one aggregate was computed.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Trace {
    pub method: Method,
    pub counted: Vec<Term>,
    pub excluded: Vec<Excluded>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub calculation: Option<Calculation>,
    /// The 0-100 score, unrounded.
    pub score: Option<f64>,
    /// The score after `rounding`, for the methods that combine scores.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rounded: Option<f64>,
}

impl Trace {
    pub fn new(method: Method) -> Trace {
        Trace {
            method,
            counted: Vec::new(),
            excluded: Vec::new(),
            calculation: None,
            score: None,
            rounded: None,
        }
    }
}
