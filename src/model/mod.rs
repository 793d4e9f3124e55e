//! The domain types: checklists, answers and the small value types they share.

pub mod answers;
pub mod audit;
pub mod checklist;
pub mod date;
pub mod fields;
pub mod text;
pub mod unique_map;

pub use answers::{Action, Answer, AnswerStatus, AnswersDoc, Assessment, Evidence};
pub use audit::{Exception, ExceptionState, Review};
pub use checklist::{Band, Checklist, ChecklistDoc, Indicator, Method, Missing, Scale, Section};
pub use date::Date;
pub use text::Text;
pub use unique_map::UniqueMap;
