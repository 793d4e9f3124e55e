//! JSON Schemas (draft 2020-12) of the two file formats, for editors: `oversight schema` prints
//! them and `oversight init` writes the answers schema beside a skeleton.
//!
//! The shapes come from the model's own types (schemars, following their serde attributes, and
//! [`crate::model::schema`] for the hand-read ones). The answers schema for one checklist adds
//! what only that checklist knows: its id and version, its languages and scope values, and for
//! each indicator its allowed levels, criteria or bounds, with its text as the description that
//! an editor shows on hover. A schema catches the shape of a file; `oversight validate` remains
//! the judge of everything else (see docs/formats.md).

use crate::model::{AnswersDoc, Checklist, ChecklistDoc, Indicator, IndicatorKind};
use serde_json::{Map, Value, json};

/// The checklist format's schema.
pub fn checklist() -> Value {
    let mut schema = serde_json::to_value(schemars::schema_for!(ChecklistDoc)).expect("a schema is JSON");
    schema["title"] = json!("oversight checklist");
    schema["description"] =
        json!("A checklist of oversight-self-assessment criteria (docs/formats.md#checklist)");
    schema
}

/// The answers format's schema; for `checklist`, the answers to that checklist, its texts in
/// `lang`.
pub fn answers(checklist: Option<&Checklist>, lang: &str) -> Value {
    let mut schema = serde_json::to_value(schemars::schema_for!(AnswersDoc)).expect("a schema is JSON");
    schema["title"] = json!("oversight answers");
    schema["description"] =
        json!("One organisation's answers to one version of a checklist (docs/formats.md#answers)");
    let Some(checklist) = checklist else {
        return schema;
    };
    schema["title"] = json!(format!(
        "oversight answers to {} {}",
        checklist.id(),
        checklist.version()
    ));
    let properties = &mut schema["properties"];
    properties["checklist"] = json!({"const": checklist.id()});
    properties["checklist_version"] = json!({"const": checklist.version()});
    properties["language"] = json!({"enum": checklist.languages()});
    let scopes: Vec<&str> = checklist
        .scopes()
        .iter()
        .flat_map(|(_, d)| d.values.iter().map(|v| v.id.as_str()))
        .collect();
    if !scopes.is_empty() {
        properties["scope"] = json!({"anyOf": [
            {"enum": scopes},
            {"type": "array", "items": {"enum": scopes}, "uniqueItems": true}
        ]});
    }
    let each: Map<String, Value> = checklist
        .indicators()
        .into_iter()
        .map(|indicator| (indicator.id.clone(), answer(checklist, indicator, lang)))
        .collect();
    properties["answers"] = json!({
        "type": "object",
        "properties": each,
        "additionalProperties": false
    });
    schema
}

/// One indicator's answer: the general answer, narrowed to what the indicator accepts.
fn answer(checklist: &Checklist, indicator: &Indicator, lang: &str) -> Value {
    let mut narrowed = Map::new();
    if let Some(scale) = checklist.scale_of(indicator) {
        let mut levels: Vec<Value> = scale
            .levels
            .iter()
            .map(|l| serde_json::to_value(l.value).expect("a number is JSON"))
            .collect();
        levels.extend(
            scale
                .levels
                .iter()
                .filter_map(|l| l.code.clone())
                .map(Value::from),
        );
        // `level: ~` is an unanswered indicator, as `oversight init` writes it.
        levels.push(Value::Null);
        narrowed.insert("level".into(), json!({"enum": levels}));
    }
    if !indicator.criteria.is_empty() {
        let ids: Vec<&str> = indicator.criteria.iter().map(|c| c.id.as_str()).collect();
        narrowed.insert(
            "criteria_met".into(),
            json!({"type": ["array", "null"], "items": {"enum": ids}, "uniqueItems": true}),
        );
    }
    if indicator.kind == IndicatorKind::Number {
        let mut value = json!({"type": ["number", "null"]});
        if let Some(min) = indicator.min {
            value["minimum"] = serde_json::to_value(min).expect("a number is JSON");
        }
        if let Some(max) = indicator.max {
            value["maximum"] = serde_json::to_value(max).expect("a number is JSON");
        }
        narrowed.insert("value".into(), value);
    }
    let mut schema = json!({
        "description": indicator.heading(lang, checklist.default_language()),
        "allOf": [{"$ref": "#/$defs/Answer"}],
        "properties": narrowed
    });
    if checklist.scoring().justify_not_applicable {
        schema["if"] = json!({"properties": {"status": {"const": "not-applicable"}}, "required": ["status"]});
        schema["then"] = json!({
            "required": ["comment"],
            "properties": {"comment": {"type": "string", "pattern": "\\S"}}
        });
    }
    schema
}
