//! Texts that are either one plain string or a translation per language.

use super::unique_map::UniqueMap;
use serde::de::{Deserialize, Deserializer, MapAccess, Visitor};
use std::fmt;

/// A text in the checklist or the answers: `"plain"` or `{en: ..., uk: ...}`.
#[derive(Debug, Clone, PartialEq)]
pub enum Text {
    /// The same words in every language.
    Plain(String),
    /// One translation per language code, in file order.
    Translated(UniqueMap<String>),
}

impl Text {
    /// The text in `lang`, else in `fallback`, else the first translation there is; a blank
    /// translation counts as missing.
    pub fn get<'a>(&'a self, lang: &str, fallback: &str) -> &'a str {
        match self {
            Text::Plain(text) => text,
            Text::Translated(map) => {
                let filled = |lang: &str| map.get(lang).filter(|t| !t.trim().is_empty());
                filled(lang)
                    .or_else(|| filled(fallback))
                    .or_else(|| map.iter().map(|(_, v)| v).find(|v| !v.trim().is_empty()))
                    .map_or("", String::as_str)
            }
        }
    }

    /// The language codes this text has a non-blank translation for (none for a plain text).
    pub fn languages(&self) -> Vec<&str> {
        match self {
            Text::Plain(_) => Vec::new(),
            Text::Translated(map) => map
                .iter()
                .filter(|(_, v)| !v.trim().is_empty())
                .map(|(k, _)| k)
                .collect(),
        }
    }

    /// Whether every translation is blank.
    pub fn is_blank(&self) -> bool {
        match self {
            Text::Plain(text) => text.trim().is_empty(),
            Text::Translated(map) => map.iter().all(|(_, v)| v.trim().is_empty()),
        }
    }
}

impl From<&str> for Text {
    fn from(text: &str) -> Self {
        Text::Plain(text.to_owned())
    }
}

impl serde::Serialize for Text {
    /// A plain text as a string, a translated one as a mapping in its order.
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Text::Plain(text) => serializer.serialize_str(text),
            Text::Translated(map) => map.serialize(serializer),
        }
    }
}

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct TextVisitor;

        impl<'de> Visitor<'de> for TextVisitor {
            type Value = Text;

            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a text: a string, or a mapping from language code to string")
            }

            fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<Text, E> {
                Ok(Text::Plain(text.to_owned()))
            }

            fn visit_i64<E: serde::de::Error>(self, n: i64) -> Result<Text, E> {
                Ok(Text::Plain(n.to_string()))
            }

            fn visit_u64<E: serde::de::Error>(self, n: u64) -> Result<Text, E> {
                Ok(Text::Plain(n.to_string()))
            }

            fn visit_f64<E: serde::de::Error>(self, n: f64) -> Result<Text, E> {
                Ok(Text::Plain(n.to_string()))
            }

            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Text, A::Error> {
                UniqueMap::deserialize(serde::de::value::MapAccessDeserializer::new(map))
                    .map(Text::Translated)
            }
        }

        deserializer.deserialize_any(TextVisitor)
    }
}
