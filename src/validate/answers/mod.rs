//! The rules an answers file must meet against its checklist; what each answer and review
//! rates (a level, a number, criteria) is checked in [`rating`], the record of the report
//! (approval, audit, quality) in [`record`], the `actions:` list in [`plan`].

mod plan;
mod rating;
mod record;

use super::{Findings, Hint, Validated, quoted_list};
use crate::catalog::ChecklistRef;
use crate::diagnostic::Diagnostics;
use crate::model::answers::{Answer, AnswerStatus, AnswersDoc};
use crate::model::checklist::Indicator;
use crate::model::unique_map::UniqueMap;
use crate::model::{Assessment, Checklist, Exception, LevelRef, Number, Review, ScopeIds, Text};
use crate::source::Source;
use std::collections::{HashMap, HashSet};

/// Parses an answers file and checks it against `checklist`, reporting every problem found.
pub fn answers(source: &Source, checklist: &Checklist) -> Result<Validated<Assessment>, Diagnostics> {
    check(source.parse()?, source, checklist)
}

/// Checks the document of an answers file, already parsed from `source`, against `checklist`.
pub fn check(
    doc: AnswersDoc,
    source: &Source,
    checklist: &Checklist,
) -> Result<Validated<Assessment>, Diagnostics> {
    if !checklist.scales().any(|(_, s)| s.has_codes()) && names_a_code(&doc) {
        // No scale has codes, so a level in words is of the wrong type, as it always was: the
        // parser, reading levels as numbers, says where.
        source.parse::<NumericLevels>()?;
    }
    document(doc, &source.name, &source.sha256, checklist)
}

/// Checks answers already parsed (from YAML, or imported from a workbook) against `checklist`;
/// `file` names them in every finding, `sha256` is the checksum of the bytes they came from.
pub fn document(
    doc: AnswersDoc,
    file: &str,
    sha256: &str,
    checklist: &Checklist,
) -> Result<Validated<Assessment>, Diagnostics> {
    let mut rules = Rules {
        f: Findings::new(file),
        checklist,
        indicators: checklist
            .indicators()
            .into_iter()
            .map(|i| (i.id.as_str(), i))
            .collect(),
        sections: section_ids(checklist.sections()).collect(),
        suggestions_left: MAX_SUGGESTIONS,
    };
    rules.header(&doc);
    rules.record(&doc);
    for (id, answer) in doc.answers.iter() {
        rules.answer(id, answer, &doc);
    }
    rules.actions(&doc.actions);
    let findings = rules.f;
    findings.finish(Assessment::new(doc, file.to_owned(), sha256.to_owned()))
}

/// An error for every value of `scope` (at `path` in `file`) that is none of the checklist's
/// scope values: what answers and `oversight init --scope` check.
pub fn unknown_scopes(checklist: &Checklist, scope: &ScopeIds, file: &str, path: &str) -> Diagnostics {
    let mut f = Findings::new(file);
    let scopes = checklist.scopes();
    let known: Vec<&str> = scopes
        .iter()
        .flat_map(|(_, d)| d.values.iter().map(|v| v.id.as_str()))
        .collect();
    for value in scope.iter().filter(|v| !known.contains(v)) {
        let diagnostic = f.error(
            "unknown-scope",
            path,
            format!("the checklist `{}` has no scope value `{value}`", checklist.id()),
        );
        if known.is_empty() {
            diagnostic.hint(format!("the checklist declares no scopes: remove `{path}`"));
        } else {
            diagnostic.hint(format!("expected one of {}", quoted_list(known.iter().copied())));
        }
    }
    f.list
}

struct Rules<'a> {
    f: Findings<'a>,
    checklist: &'a Checklist,
    /// The checklist's indicators and section ids, looked up once per answer.
    indicators: HashMap<&'a str, &'a Indicator>,
    sections: HashSet<&'a str>,
    /// How many more unknown ids may get a "did you mean" hint.
    suggestions_left: usize,
}

/// Whether an answer or a review gives a level by code.
fn names_a_code(doc: &AnswersDoc) -> bool {
    let is_code = |level: Option<&LevelRef>| matches!(level, Some(LevelRef::Code(_)));
    doc.answers
        .iter()
        .any(|(_, a)| is_code(a.level.as_ref()) || is_code(a.review.as_ref().and_then(|r| r.level.as_ref())))
}

/// The levels of an answers file read as numbers only; every other key is ignored. The fields
/// are never read: parsing into them is the check.
#[derive(serde::Deserialize)]
#[allow(dead_code, reason = "parsed for its types only")]
struct NumericLevels {
    #[serde(default)]
    answers: UniqueMap<NumericAnswer>,
}

#[derive(serde::Deserialize)]
#[allow(dead_code, reason = "parsed for its types only")]
struct NumericAnswer {
    #[serde(default)]
    level: Option<Number>,
    #[serde(default)]
    review: Option<NumericReview>,
}

#[derive(serde::Deserialize)]
#[allow(dead_code, reason = "parsed for its types only")]
struct NumericReview {
    #[serde(default)]
    level: Option<Number>,
}

/// The unknown ids of one file that get the nearest known id as a hint; the search compares
/// with every indicator, so it is not made for each of a million unknown keys.
const MAX_SUGGESTIONS: usize = 100;

impl<'a> Rules<'a> {
    fn header(&mut self, doc: &AnswersDoc) {
        let checklist = self.checklist;
        let names_an_id = matches!(
            ChecklistRef::named_in_answers(&doc.checklist),
            Ok(ChecklistRef::Id(_))
        );
        if names_an_id && doc.checklist != checklist.id() {
            self.f
                .error(
                    "checklist-mismatch",
                    "checklist",
                    format!(
                        "the answers are for `{}`, but the checklist is `{}`",
                        doc.checklist,
                        checklist.id()
                    ),
                )
                .hint("pass the matching checklist with `--checklist`, or correct the `checklist` key");
        }
        if doc.checklist_version != checklist.version() {
            self.f
                .error(
                    "version-mismatch",
                    "checklist_version",
                    format!(
                        "the answers are for version `{}`, but the checklist is version `{}`",
                        doc.checklist_version,
                        checklist.version()
                    ),
                )
                .hint("answers are scored only against the checklist version they were written for");
        }
        if let Some(lang) = &doc.language {
            self.language("language", lang);
        }
        self.scope(doc);
        self.text("organisation", &doc.organisation);
        if let Some(period) = &doc.period
            && period.to < period.from
        {
            self.f
                .error(
                    "period-reversed",
                    "period",
                    format!(
                        "the period ends ({}) before it starts ({})",
                        period.to, period.from
                    ),
                )
                .hint("`from` must be on or before `to`");
        }
        for (i, assessor) in doc.assessors.iter().enumerate() {
            if assessor.name.trim().is_empty() {
                self.f.error(
                    "empty-value",
                    &format!("assessors[{i}].name"),
                    "the assessor's name is empty",
                );
            }
        }
    }

    fn answer(&mut self, id: &str, answer: &Answer, doc: &AnswersDoc) {
        let path = format!("answers[{id}]");
        let Some(&indicator) = self.indicators.get(id) else {
            self.unknown_indicator(&path, id);
            return;
        };
        if !self.checklist.in_scope(indicator, &doc.scope) {
            self.f
                .warning(
                    "answer-out-of-scope",
                    &path,
                    format!(
                        "`{id}` is outside the assessment's scope {}: its answer is not scored",
                        quoted_list(doc.scope.iter())
                    ),
                )
                .hint("remove the answer, or widen the `scope`");
        }
        let justify = self.checklist.scoring().justify_not_applicable;
        match (answer.is_rated(), answer.status) {
            (true, Some(status)) => {
                self.f
                    .error(
                        "level-and-status",
                        &path,
                        format!(
                            "the answer has both {} and the status `{}`",
                            rated_as(answer.value.is_some(), answer.criteria_met.is_some()),
                            status_name(status)
                        ),
                    )
                    .hint("give a level, or a status saying why there is none, not both");
            }
            (true, None) => {
                let rating = rating::Given {
                    level: answer.level.as_ref(),
                    value: answer.value,
                    criteria_met: answer.criteria_met.as_deref(),
                };
                self.rating("level-off-scale", &path, &rating, indicator);
            }
            (false, Some(AnswerStatus::NotApplicable))
                if justify && answer.comment.as_deref().is_none_or(|c| c.trim().is_empty()) =>
            {
                self.f
                    .error(
                        "missing-justification",
                        &format!("{path}.comment"),
                        "a not-applicable answer needs a comment that justifies it",
                    )
                    .hint("say why the indicator does not apply to this organisation");
            }
            _ => {}
        }
        for (i, evidence) in answer.evidence.iter().enumerate() {
            let at = format!("{path}.evidence[{i}]");
            if evidence.title.trim().is_empty() {
                self.f
                    .error("empty-value", &format!("{at}.title"), "the evidence has no title");
            }
            if let Some(date) = evidence.date
                && date > doc.assessed_on
            {
                self.f.warning(
                    "evidence-after-assessment",
                    &format!("{at}.date"),
                    format!(
                        "the evidence is dated {date}, after the assessment date {}",
                        doc.assessed_on
                    ),
                );
            }
        }
        if let Some(action) = &answer.action
            && action.text.trim().is_empty()
        {
            self.f.error(
                "empty-value",
                &format!("{path}.action.text"),
                "the planned action has no text",
            );
        }
        if let Some(target) = &answer.target {
            let scale = self.checklist.scale_of(indicator);
            let lang = self.checklist.default_language();
            crate::validate::target::check(
                &mut self.f,
                &format!("{path}.target"),
                target,
                indicator,
                scale,
                lang,
            );
        }
        if let Some(review) = &answer.review {
            self.review(&format!("{path}.review"), review, indicator, doc);
        }
        if let Some(exception) = &answer.exception {
            self.exception(&format!("{path}.exception"), exception, answer);
        }
    }

    fn review(&mut self, path: &str, review: &Review, indicator: &Indicator, doc: &AnswersDoc) {
        let rating = rating::Given {
            level: review.level.as_ref(),
            value: review.value,
            criteria_met: review.criteria_met.as_deref(),
        };
        self.rating("review-level-off-scale", path, &rating, indicator);
        if let Some(date) = review.date
            && date < doc.assessed_on
        {
            self.f.warning(
                "review-before-assessment",
                &format!("{path}.date"),
                format!(
                    "the review is dated {date}, before the assessment date {}",
                    doc.assessed_on
                ),
            );
        }
    }

    fn exception(&mut self, path: &str, exception: &Exception, answer: &Answer) {
        if answer.status == Some(AnswerStatus::NotApplicable) {
            self.f
                .error(
                    "exception-not-applicable",
                    path,
                    "a not-applicable answer has no deficiency whose risk could be accepted",
                )
                .hint("remove the exception, or answer the indicator with a level");
        }
        for (key, value) in [
            ("reason", &exception.reason),
            ("approved_by", &exception.approved_by),
        ] {
            if value.trim().is_empty() {
                self.f.error(
                    "empty-value",
                    &format!("{path}.{key}"),
                    format!("the exception's `{key}` is empty"),
                );
            }
        }
    }

    /// Every value of `scope:` is one of the checklist's scope values.
    fn scope(&mut self, doc: &AnswersDoc) {
        let problems = unknown_scopes(self.checklist, &doc.scope, self.f.file, "scope");
        self.f.list.extend(problems);
    }

    fn unknown_indicator(&mut self, path: &str, id: &str) {
        let message = if self.sections.contains(id) {
            format!(
                "`{id}` is a section of `{}`; answers are given per indicator",
                self.checklist.id()
            )
        } else {
            format!("the checklist `{}` has no indicator `{id}`", self.checklist.id())
        };
        let nearest = match self.suggestions_left.checked_sub(1) {
            Some(left) => {
                self.suggestions_left = left;
                self.nearest_indicator(id)
            }
            None => None,
        };
        let diagnostic = self.f.error("unknown-indicator", path, message);
        if let Some((_, near)) = nearest {
            diagnostic.hint(format!("did you mean `{near}`?"));
        } else {
            diagnostic.hint("list the checklist's indicators with `oversight init`");
        }
    }

    /// The nearest id by edit distance (a swap of neighbours counts one), if it is close; ties
    /// go to the first id in alphabetical order, whatever the order of the map.
    fn nearest_indicator(&self, id: &str) -> Option<(usize, &'a str)> {
        self.indicators
            .keys()
            .filter(|known| known.len().abs_diff(id.len()) <= 2)
            .map(|known| (strsim::osa_distance(known, id), *known))
            .min()
            .filter(|(distance, _)| *distance <= 1 || (*distance <= 2 && id.len() >= 6))
    }

    fn language(&mut self, path: &str, lang: &str) {
        let languages = self.checklist.languages();
        if !languages.iter().any(|l| l == lang) {
            self.f
                .error(
                    "unknown-language",
                    path,
                    format!("`{lang}` is not one of the checklist's languages"),
                )
                .hint(format!(
                    "expected one of {}",
                    quoted_list(languages.iter().map(String::as_str))
                ));
        }
    }

    fn text(&mut self, path: &str, text: &Text) {
        if text.is_blank() {
            self.f.error("empty-value", path, "the text is empty");
        }
        for lang in text.languages() {
            self.language(&format!("{path}.{lang}"), lang);
        }
    }
}

/// What an answer gives, for a message: "a level", "a value", "criteria met".
fn rated_as(value: bool, criteria: bool) -> &'static str {
    match (value, criteria) {
        (true, _) => "a value",
        (_, true) => "criteria met",
        _ => "a level",
    }
}

fn status_name(status: AnswerStatus) -> &'static str {
    match status {
        AnswerStatus::NotApplicable => "not-applicable",
        AnswerStatus::NotEnoughInformation => "not-enough-information",
    }
}

fn section_ids(sections: &[crate::model::Section]) -> Box<dyn Iterator<Item = &str> + '_> {
    Box::new(
        sections
            .iter()
            .flat_map(|s| std::iter::once(s.id.as_str()).chain(section_ids(&s.sections))),
    )
}
