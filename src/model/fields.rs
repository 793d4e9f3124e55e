//! Every user-written text of a checklist and of an assessment, with its field path.
//!
//! Checks that look at what will be printed (such as the PDF's glyph coverage,
//! [`crate::render::pdf::glyphs`]) walk these lists rather than the model, so that every text
//! is found and named the way validation names it: `sections[law].indicators[law-2].text`,
//! `answers[law-2].evidence[0].title`. Translated texts are given in one language.

use super::{Assessment, Checklist, Indicator, Section, Text};

/// A text and the field path it is found at.
pub type FieldText<'a> = (String, &'a str);

/// The checklist's texts in `lang` (else its first language), in file order.
pub fn checklist_texts<'a>(checklist: &'a Checklist, lang: &str) -> Vec<FieldText<'a>> {
    let fallback = checklist.default_language();
    let mut out = Vec::new();
    let mut text = |path: String, text: &'a Text| out.push((path, text.get(lang, fallback)));
    text("title".into(), checklist.title());
    if let Some(description) = checklist.description() {
        text("description".into(), description);
    }
    if let Some(source) = checklist.source() {
        text("source".into(), source);
    }
    for (id, scale) in checklist.scales() {
        if let Some(label) = &scale.label {
            text(format!("scales[{id}].label"), label);
        }
        for (i, level) in scale.levels.iter().enumerate() {
            text(format!("scales[{id}].levels[{i}].label"), &level.label);
            if let Some(description) = &level.description {
                text(format!("scales[{id}].levels[{i}].description"), description);
            }
        }
    }
    for (name, dimension) in checklist.scopes().iter() {
        if let Some(label) = &dimension.label {
            text(format!("scopes[{name}].label"), label);
        }
        for value in &dimension.values {
            text(format!("scopes[{name}].values[{}].label", value.id), &value.label);
        }
    }
    for (i, band) in checklist.scoring().bands.iter().enumerate() {
        text(format!("scoring.bands[{i}].label"), &band.label);
    }
    sections("", checklist.sections(), &mut text);
    out
}

fn sections<'a>(parent: &str, list: &'a [Section], text: &mut impl FnMut(String, &'a Text)) {
    sections_under(parent, "sections", list, text);
}

fn sections_under<'a>(parent: &str, key: &str, list: &'a [Section], text: &mut impl FnMut(String, &'a Text)) {
    for section in list {
        let path = format!("{parent}{key}[{}]", section.id);
        text(format!("{path}.title"), &section.title);
        if let Some(description) = &section.description {
            text(format!("{path}.description"), description);
        }
        if let Some(own) = &section.assessable {
            indicator(&format!("{path}.assessable"), own, text);
        }
        let key = section.child_key(false);
        for child in &section.indicators {
            indicator(&format!("{path}.{key}[{}]", child.id), child, text);
        }
        for (i, info) in section.infos.iter().enumerate() {
            let at = format!(
                "{path}.items[{}]",
                info.id.clone().unwrap_or_else(|| i.to_string())
            );
            if let Some(title) = &info.title {
                text(format!("{at}.title"), title);
            }
            text(format!("{at}.text"), &info.text);
        }
        sections_under(
            &format!("{path}."),
            section.child_key(true),
            &section.sections,
            text,
        );
    }
}

fn indicator<'a>(at: &str, indicator: &'a Indicator, text: &mut impl FnMut(String, &'a Text)) {
    if let Some(title) = &indicator.title {
        text(format!("{at}.title"), title);
    }
    text(format!("{at}.text"), &indicator.text);
    if let Some(guidance) = &indicator.guidance {
        text(format!("{at}.guidance"), guidance);
    }
    if let Some(source) = &indicator.source {
        text(format!("{at}.source"), source);
    }
    if let Some(rationale) = &indicator.rationale {
        text(format!("{at}.rationale"), rationale);
    }
    for (i, criterion) in indicator.criteria.iter().enumerate() {
        text(format!("{at}.criteria[{i}].text"), &criterion.text);
    }
    for (i, rule) in indicator.levels_from_criteria.iter().enumerate() {
        if let Some(description) = &rule.description {
            text(format!("{at}.levels_from_criteria[{i}].description"), description);
        }
    }
    for (i, evidence) in indicator.evidence.iter().enumerate() {
        text(format!("{at}.evidence[{i}]"), evidence);
    }
    for (i, reference) in indicator.references.iter().enumerate() {
        text(format!("{at}.references[{i}]"), reference);
    }
}

/// The assessment's texts, translated ones in `lang` (else `fallback`), in file order.
pub fn assessment_texts<'a>(assessment: &'a Assessment, lang: &str, fallback: &str) -> Vec<FieldText<'a>> {
    let mut out: Vec<FieldText<'a>> = vec![(
        "organisation".into(),
        assessment.organisation().get(lang, fallback),
    )];
    for (i, assessor) in assessment.assessors().iter().enumerate() {
        out.push((format!("assessors[{i}].name"), &assessor.name));
        if let Some(role) = &assessor.role {
            out.push((format!("assessors[{i}].role"), role));
        }
    }
    for (id, answer) in assessment.answers() {
        let path = format!("answers[{id}]");
        let mut field = |name: &str, value: Option<&'a str>| {
            if let Some(value) = value {
                out.push((format!("{path}.{name}"), value));
            }
        };
        field("comment", answer.comment.as_deref());
        for (i, evidence) in answer.evidence.iter().enumerate() {
            field(&format!("evidence[{i}].title"), Some(&evidence.title));
            field(
                &format!("evidence[{i}].ref"),
                evidence.reference.as_ref().map(|r| r.get(lang, fallback)),
            );
        }
        if let Some(action) = &answer.action {
            field("action.text", Some(&action.text));
            field("action.owner", action.owner.as_deref());
        }
        if let Some(review) = &answer.review {
            field("review.comment", review.comment.as_deref());
            field("review.reviewer", review.reviewer.as_deref());
        }
        if let Some(exception) = &answer.exception {
            field("exception.reason", Some(&exception.reason));
            field("exception.approved_by", Some(&exception.approved_by));
        }
    }
    out
}
