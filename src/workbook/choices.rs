//! The drop-down entries of the workbook and the values they stand for: the levels of each
//! scale, the two statuses, the tick of a criterion and the languages. The writer lists them,
//! the import turns an entry (or a level typed by its value or code) back into its value.

use crate::i18n::Labels;
use crate::model::{AnswerStatus, Checklist, Number, Scale};

/// The entries in one language.
pub struct Choices<'a> {
    pub checklist: &'a Checklist,
    pub lang: &'a str,
    pub labels: &'a Labels,
}

/// A criterion's tick: met, or not met.
pub const TICKS: [bool; 2] = [true, false];

/// The two statuses, in the order of their drop-down.
pub const STATUSES: [AnswerStatus; 2] = [AnswerStatus::NotApplicable, AnswerStatus::NotEnoughInformation];

impl Choices<'_> {
    /// "3 — Established", "C — Basic" where the scale has codes.
    pub fn level(&self, scale: &Scale, value: Number) -> String {
        let label = scale
            .level(value)
            .map_or("", |l| l.label.get(self.lang, self.checklist.default_language()));
        format!("{} — {label}", scale.show(value))
    }

    /// Every level of a scale, lowest first.
    pub fn levels(&self, scale: &Scale) -> Vec<String> {
        scale.levels.iter().map(|l| self.level(scale, l.value)).collect()
    }

    /// The level an entry names: the entry itself, or the level's value or code typed alone.
    pub fn parse_level(&self, scale: &Scale, text: &str) -> Option<Number> {
        let text = text.trim();
        scale
            .levels
            .iter()
            .find(|l| {
                self.level(scale, l.value) == text
                    || l.code.as_deref() == Some(text)
                    || Number::parse(text) == Some(l.value)
            })
            .map(|l| l.value)
    }

    pub fn status(&self, status: AnswerStatus) -> &str {
        self.labels.get(match status {
            AnswerStatus::NotApplicable => "status_not-applicable",
            AnswerStatus::NotEnoughInformation => "status_not-enough-information",
        })
    }

    pub fn parse_status(&self, text: &str) -> Option<AnswerStatus> {
        STATUSES.into_iter().find(|s| self.status(*s) == text.trim())
    }

    pub fn tick(&self, met: bool) -> &str {
        self.labels
            .get(if met { "criteria_met" } else { "criteria_not_met" })
    }

    pub fn parse_tick(&self, text: &str) -> Option<bool> {
        TICKS.into_iter().find(|met| self.tick(*met) == text.trim())
    }

    /// The checklist's languages, by code.
    pub fn languages(&self) -> Vec<String> {
        self.checklist.languages().to_vec()
    }
}
