//! The JSON Schemas of the model's hand-read types: what each accepts, as its own `Deserialize`
//! reads it. The derived types' schemas follow from their serde attributes; [`crate::schema`]
//! puts them together into the checklist and answers schemas.

use super::audit::{Review, ReviewKeys};
use super::checklist::Indicator;
use super::date::Date;
use super::items::Item;
use super::method::Method;
use super::number::Number;
use super::scale::LevelRef;
use super::scope::ScopeIds;
use super::table::Table;
use super::text::Text;
use super::unique_map::UniqueMap;
use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use std::borrow::Cow;

/// The pattern of every checklist, section, indicator, item and scope id (docs/formats.md#ids).
pub const ID_PATTERN: &str = "^[A-Za-z0-9][A-Za-z0-9._-]*$";

impl JsonSchema for Text {
    fn schema_name() -> Cow<'static, str> {
        "Text".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "The same words in every language, or a translation per language code",
            "anyOf": [
                {"type": ["string", "number"]},
                {"type": "object", "additionalProperties": {"type": "string"}}
            ]
        })
    }
}

impl JsonSchema for Number {
    fn schema_name() -> Cow<'static, str> {
        "Number".into()
    }

    fn inline_schema() -> bool {
        true
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({"type": "number"})
    }
}

impl JsonSchema for Date {
    fn schema_name() -> Cow<'static, str> {
        "Date".into()
    }

    fn inline_schema() -> bool {
        true
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "A calendar date, YYYY-MM-DD",
            "type": "string",
            "format": "date",
            "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
        })
    }
}

impl JsonSchema for LevelRef {
    fn schema_name() -> Cow<'static, str> {
        "LevelRef".into()
    }

    fn inline_schema() -> bool {
        true
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "A level of the scale, by its value or its code",
            "type": ["number", "string"]
        })
    }
}

impl JsonSchema for ScopeIds {
    fn schema_name() -> Cow<'static, str> {
        "ScopeIds".into()
    }

    fn inline_schema() -> bool {
        true
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "A scope value id, or a list of them",
            "anyOf": [
                {"type": "string", "pattern": ID_PATTERN},
                {"type": "array", "items": {"type": "string", "pattern": ID_PATTERN}}
            ]
        })
    }
}

impl<V: JsonSchema> JsonSchema for UniqueMap<V> {
    fn schema_name() -> Cow<'static, str> {
        format!("Map_of_{}", V::schema_name()).into()
    }

    fn inline_schema() -> bool {
        true
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        json_schema!({"type": "object", "additionalProperties": generator.subschema_for::<V>()})
    }
}

impl JsonSchema for Item {
    fn schema_name() -> Cow<'static, str> {
        "Item".into()
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        let one = |key: &str, schema: Schema| {
            json_schema!({
                "type": "object",
                "properties": {key: schema},
                "required": [key],
                "additionalProperties": false
            })
        };
        json_schema!({
            "description": "An indicator, a sub-section or an informational item, in the source's order",
            "oneOf": [
                one("indicator", generator.subschema_for::<Indicator>()),
                one("section", generator.subschema_for::<super::checklist::Section>()),
                one("info", generator.subschema_for::<super::items::Info>())
            ]
        })
    }
}

impl JsonSchema for Method {
    fn schema_name() -> Cow<'static, str> {
        "Method".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "How a section combines its children (docs/formats.md#methods)",
            "anyOf": [
                {"enum": ["weighted-mean", "mean", "min", "weakest-link", "sum", "none"]},
                {
                    "type": "object",
                    "properties": {"table": {"type": "string"}},
                    "required": ["table"],
                    "additionalProperties": false
                }
            ]
        })
    }
}

impl JsonSchema for Table {
    fn schema_name() -> Cow<'static, str> {
        "Table".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "A row per number of scored children, each mapping a sum to a value",
            "type": "object",
            "propertyNames": {"pattern": "^[0-9]+$"},
            "additionalProperties": {
                "type": "object",
                "propertyNames": {"pattern": "^-?[0-9]+(\\.[0-9]+)?$"},
                "additionalProperties": {"type": "number"}
            }
        })
    }
}

impl JsonSchema for Review {
    fn schema_name() -> Cow<'static, str> {
        "Review".into()
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        let mut schema = ReviewKeys::json_schema(generator);
        schema.insert(
            "anyOf".into(),
            serde_json::json!([
                {"required": ["level"]},
                {"required": ["value"]},
                {"required": ["criteria_met"]}
            ]),
        );
        schema
    }
}

/// An assessable section's own answer: an indicator without `id`, whose `text` defaults to the
/// section's title.
pub fn own_answer(generator: &mut SchemaGenerator) -> Schema {
    let mut schema = Indicator::json_schema(generator);
    if let Some(properties) = schema.get_mut("properties").and_then(|p| p.as_object_mut()) {
        properties.remove("id");
    }
    if let Some(required) = schema.get_mut("required").and_then(|r| r.as_array_mut()) {
        required.retain(|key| key != "id" && key != "text");
    }
    schema
}
