//! The domain types: checklists, answers and the small value types they share.
//!
//! A checklist's sections keep their contents in the source's order, with informational items
//! and assessable sections ([`items`]), and may be limited to scopes ([`scope`]).
//!
//! A methodology is data: scales with level values and codes ([`scale`]), aggregation methods
//! ([`method`]), rounding ([`rounding`]), grade lists ([`grades`]), conversion tables
//! ([`table`]), ranges ([`ranges`]), number indicators' points ([`points`]) and criteria
//! ([`criteria`]), all in exact decimal [`number`]s. The improvement plan as written (targets,
//! the `actions:` list) is in [`plan`]; the correspondence of an earlier version's ids in
//! [`mapping`].

pub mod answers;
pub mod approval;
pub mod audit;
pub mod checklist;
pub mod criteria;
pub mod date;
pub mod document;
pub mod fields;
pub mod grades;
pub mod items;
pub mod mapping;
pub mod method;
pub mod number;
pub mod plan;
pub mod points;
pub mod quality;
pub mod ranges;
pub mod rounding;
pub mod scale;
pub mod schema;
pub mod scope;
pub mod table;
pub mod text;
pub mod unique_map;

pub use answers::{Action, Answer, AnswerStatus, AnswersDoc, Assessment, Evidence};
pub use approval::Approval;
pub use audit::{Audit, Exception, ExceptionState, ReportKind, Review};
pub use checklist::{Band, Checklist, ChecklistDoc, Indicator, IndicatorKind, Section};
pub use date::Date;
pub use document::{DocumentControl, DocumentStatus};
pub use items::{Child, Info, Item, Slot};
pub use method::{Method, Missing, NotEnoughInformation};
pub use number::Number;
pub use plan::{ActionStatus, PlannedAction, Rating, Target};
pub use quality::{Disagreement, DraftComment, PeerReview, Quality};
pub use scale::{Level, LevelRef, Scale};
pub use scope::{ScopeDimension, ScopeIds, ScopeValue, Untagged};
pub use text::Text;
pub use unique_map::UniqueMap;
