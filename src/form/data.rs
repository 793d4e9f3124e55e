//! What the questionnaire's script is given: the checklist in every one of its languages, the
//! fixed words of the form, and the answers it opens with, as one JSON document.
//!
//! The script renders the page from it; nothing in it is HTML, so no text of the checklist or the
//! answers is ever read as markup.

use crate::i18n::Catalogue;
use crate::model::criteria::deciding_rule;
use crate::model::{Checklist, Child, Indicator, IndicatorKind, Scale, Section, Text};
use serde::Serialize;
use std::collections::BTreeMap;

/// A text in each of the checklist's languages, by language code.
pub type Texts = BTreeMap<String, String>;

/// The whole payload.
#[derive(Debug, Serialize)]
pub struct FormData {
    pub checklist: ChecklistData,
    /// The language the form opens in.
    pub lang: String,
    /// The form's fixed words, by language, then by key (without the `form_` prefix).
    pub labels: BTreeMap<String, BTreeMap<String, String>>,
    /// The answers it opens with (`--answers`), as the engine reads them.
    pub answers: Option<serde_json::Value>,
}

#[derive(Debug, Serialize)]
pub struct ChecklistData {
    pub id: String,
    pub version: String,
    pub languages: Vec<String>,
    pub title: Texts,
    /// Whether a not-applicable answer needs a comment.
    pub justify_not_applicable: bool,
    pub scopes: Vec<DimensionData>,
    pub sections: Vec<SectionData>,
}

#[derive(Debug, Serialize)]
pub struct DimensionData {
    pub id: String,
    pub label: Texts,
    /// Whether an untagged indicator applies to every value (`all`) or none (`none`).
    pub untagged_all: bool,
    pub values: Vec<ScopeValueData>,
}

#[derive(Debug, Serialize)]
pub struct ScopeValueData {
    pub id: String,
    pub label: Texts,
}

#[derive(Debug, Serialize)]
pub struct SectionData {
    pub id: String,
    pub heading: Texts,
    pub description: Option<Texts>,
    /// The section's own answer, when it is assessable.
    pub assessable: Option<IndicatorData>,
    pub children: Vec<ChildData>,
}

#[derive(Debug, Serialize)]
#[serde(tag = "type", rename_all = "kebab-case")]
pub enum ChildData {
    Indicator(IndicatorData),
    Section(SectionData),
    Info(InfoData),
}

#[derive(Debug, Serialize)]
pub struct InfoData {
    pub heading: Option<Texts>,
    pub text: Texts,
    pub tags: Vec<String>,
}

/// How an indicator is answered.
#[derive(Debug, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum AnswerKind {
    Level,
    Criteria,
    Number,
}

#[derive(Debug, Serialize)]
pub struct IndicatorData {
    pub id: String,
    pub heading: Texts,
    pub guidance: Option<Texts>,
    pub evidence: Vec<Texts>,
    pub critical: bool,
    pub kind: AnswerKind,
    /// Whether the answer names its level by code (the scale has codes).
    pub codes: bool,
    pub levels: Vec<LevelData>,
    pub criteria: Vec<CriterionData>,
    /// A criteria indicator's level for every set of criteria that may be ticked, as the engine
    /// decides it: by the criteria ticked, in the checklist's order and joined by spaces ("" for
    /// none), the index of the rule in `rules`. Empty with more than [`MAX_TABULATED_CRITERIA`].
    pub levels_by_criteria: BTreeMap<String, usize>,
    pub rules: Vec<RuleData>,
    /// Why a critical indicator is critical.
    pub rationale: Option<Texts>,
    pub unit: Option<Texts>,
    /// A number indicator's bounds, exactly as decimals.
    pub min: Option<String>,
    pub max: Option<String>,
    /// Its scope tags, inherited ones included.
    pub tags: Vec<String>,
}

#[derive(Debug, Serialize)]
pub struct LevelData {
    /// The level's value, exactly as a decimal (`7.5`).
    pub value: String,
    pub code: Option<String>,
    pub label: Texts,
    pub description: Option<Texts>,
}

/// A rule of `levels_from_criteria` as the form shows it: the level and what it means there.
#[derive(Debug, Serialize)]
pub struct RuleData {
    /// The level's value, exactly as a decimal.
    pub level: String,
    pub description: Option<Texts>,
}

/// The most criteria whose every combination the form is given (2^8 = 256 sets).
pub const MAX_TABULATED_CRITERIA: usize = 8;

#[derive(Debug, Serialize)]
pub struct CriterionData {
    pub id: String,
    pub text: Texts,
}

/// Builds the payload; `answers` is the answers document to open with, as JSON.
pub fn form_data(
    checklist: &Checklist,
    lang: &str,
    catalogue: &Catalogue,
    answers: Option<serde_json::Value>,
) -> FormData {
    let builder = Builder { checklist };
    let labels = checklist
        .languages()
        .iter()
        .map(|l| (l.clone(), catalogue.labels(l).with_prefix("form_")))
        .collect();
    FormData {
        checklist: ChecklistData {
            id: checklist.id().to_owned(),
            version: checklist.version().to_owned(),
            languages: checklist.languages().to_vec(),
            title: builder.texts(checklist.title()),
            justify_not_applicable: checklist.scoring().justify_not_applicable,
            scopes: builder.scopes(),
            sections: checklist.sections().iter().map(|s| builder.section(s)).collect(),
        },
        lang: lang.to_owned(),
        labels,
        answers,
    }
}

struct Builder<'a> {
    checklist: &'a Checklist,
}

impl Builder<'_> {
    fn texts(&self, text: &Text) -> Texts {
        self.each_language(|lang, fallback| text.get(lang, fallback).to_owned())
    }

    fn each_language(&self, text: impl Fn(&str, &str) -> String) -> Texts {
        let fallback = self.checklist.default_language();
        self.checklist
            .languages()
            .iter()
            .map(|lang| (lang.clone(), text(lang, fallback)))
            .collect()
    }

    fn scopes(&self) -> Vec<DimensionData> {
        self.checklist
            .scopes()
            .iter()
            .map(|(id, dimension)| DimensionData {
                id: id.to_owned(),
                label: dimension
                    .label
                    .as_ref()
                    .map_or_else(|| self.texts(&Text::from(id)), |l| self.texts(l)),
                untagged_all: dimension.untagged == crate::model::Untagged::All,
                values: dimension
                    .values
                    .iter()
                    .map(|v| ScopeValueData {
                        id: v.id.clone(),
                        label: self.texts(&v.label),
                    })
                    .collect(),
            })
            .collect()
    }

    fn section(&self, section: &Section) -> SectionData {
        SectionData {
            id: section.id.clone(),
            heading: self.each_language(|lang, fallback| section.heading(lang, fallback)),
            description: section.description.as_ref().map(|d| self.texts(d)),
            assessable: section.assessable.as_ref().map(|a| self.indicator(a)),
            children: section
                .children()
                .map(|child| match child {
                    Child::Indicator(indicator) => ChildData::Indicator(self.indicator(indicator)),
                    Child::Section(sub) => ChildData::Section(self.section(sub)),
                    Child::Info(info) => ChildData::Info(InfoData {
                        heading: info.title.as_ref().map(|t| self.texts(t)),
                        text: self.texts(&info.text),
                        tags: info.effective_scopes.0.clone(),
                    }),
                })
                .collect(),
        }
    }

    fn indicator(&self, indicator: &Indicator) -> IndicatorData {
        let scale = self.checklist.scale_of(indicator);
        let kind = match (indicator.kind, indicator.criteria.is_empty()) {
            (IndicatorKind::Number, _) => AnswerKind::Number,
            (IndicatorKind::Scale, false) => AnswerKind::Criteria,
            (IndicatorKind::Scale, true) => AnswerKind::Level,
        };
        IndicatorData {
            id: indicator.id.clone(),
            heading: self.each_language(|lang, fallback| indicator.heading(lang, fallback)),
            guidance: indicator.guidance.as_ref().map(|g| self.texts(g)),
            evidence: indicator.evidence.iter().map(|e| self.texts(e)).collect(),
            critical: indicator.critical,
            kind,
            codes: scale.is_some_and(Scale::has_codes),
            levels: scale.map_or_else(Vec::new, |scale| self.levels(scale)),
            criteria: indicator
                .criteria
                .iter()
                .map(|c| CriterionData {
                    id: c.id.clone(),
                    text: self.texts(&c.text),
                })
                .collect(),
            levels_by_criteria: scale
                .map_or_else(BTreeMap::new, |scale| levels_by_criteria(indicator, scale)),
            rules: indicator
                .levels_from_criteria
                .iter()
                .map(|rule| RuleData {
                    level: scale
                        .and_then(|scale| scale.resolve(&rule.level))
                        .map_or_else(String::new, |level| level.value.to_string()),
                    description: rule.description.as_ref().map(|d| self.texts(d)),
                })
                .collect(),
            rationale: indicator.rationale.as_ref().map(|r| self.texts(r)),
            unit: indicator.unit.as_ref().map(|u| self.texts(u)),
            min: indicator.min.map(|n| n.to_string()),
            max: indicator.max.map(|n| n.to_string()),
            tags: indicator.effective_scopes.0.clone(),
        }
    }

    fn levels(&self, scale: &Scale) -> Vec<LevelData> {
        scale
            .levels
            .iter()
            .map(|level| LevelData {
                value: level.value.to_string(),
                code: level.code.clone(),
                label: self.texts(&level.label),
                description: level.description.as_ref().map(|d| self.texts(d)),
            })
            .collect()
    }
}

/// Every set of an indicator's criteria, by the ids ticked, with the rule that decides its
/// level ([`deciding_rule`], the scoring's own rule); sets no rule decides are left out.
fn levels_by_criteria(indicator: &Indicator, scale: &Scale) -> BTreeMap<String, usize> {
    let ids: Vec<&String> = indicator.criteria.iter().map(|c| &c.id).collect();
    if ids.is_empty() || ids.len() > MAX_TABULATED_CRITERIA {
        return BTreeMap::new();
    }
    (0..1u32 << ids.len())
        .filter_map(|set| {
            let met: Vec<String> = ids
                .iter()
                .enumerate()
                .filter(|(bit, _)| set & (1 << bit) != 0)
                .map(|(_, id)| (*id).clone())
                .collect();
            let (rule, _) = deciding_rule(&indicator.levels_from_criteria, scale, &met)?;
            Some((met.join(" "), rule))
        })
        .collect()
}
