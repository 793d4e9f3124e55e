//! A section's contents in the checklist's own order, and what parsing leaves to be filled in.
//!
//! A section lists its indicators and sub-sections either under `indicators:` and `sections:`
//! (indicators first) or, to keep a source's own order, under `items:`, where indicators,
//! sub-sections and informational items interleave:
//!
//! ```yaml
//! items:
//!   - info: {text: "Read this before answering."}
//!   - indicator: {id: GV.OC-01, text: "...", scale: maturity}
//!   - section: {id: GV.RR, title: Roles, indicators: [...]}
//! ```
//!
//! [`normalize`] moves `items` into the section's `indicators`, `sections` and `infos`, and
//! records their order as [`Slot`]s, so that every later stage reads one form; it also gives an
//! assessable section's own answer the section's id, and every indicator and item its
//! inherited scope tags.

use super::checklist::{ChecklistDoc, Indicator, Section};
use super::scope::{ScopeDimension, ScopeIds, inherit};
use super::text::Text;
use super::unique_map::UniqueMap;
use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::ser::{SerializeMap, Serializer};
use serde::{Deserialize, Serialize};
use std::fmt;

/// One entry of `items:`: a mapping with one key, `indicator:`, `section:` or `info:`.
#[derive(Debug, Clone)]
pub enum Item {
    Indicator(Box<Indicator>),
    Section(Box<Section>),
    Info(Box<Info>),
}

const ITEM_KINDS: &[&str] = &["indicator", "section", "info"];

impl<'de> Deserialize<'de> for Item {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct ItemVisitor;

        impl<'de> Visitor<'de> for ItemVisitor {
            type Value = Item;

            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a mapping with one key: `indicator`, `section` or `info`")
            }

            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Item, A::Error> {
                let Some(kind) = map.next_key::<String>()? else {
                    return Err(de::Error::invalid_length(0, &self));
                };
                let item = match kind.as_str() {
                    "indicator" => Item::Indicator(map.next_value()?),
                    "section" => Item::Section(map.next_value()?),
                    "info" => Item::Info(Box::new(map.next_value()?)),
                    other => return Err(de::Error::unknown_variant(other, ITEM_KINDS)),
                };
                if let Some(extra) = map.next_key::<String>()? {
                    return Err(de::Error::custom(format!(
                        "unknown field `{extra}`: an item is a mapping with one key, `{kind}` here"
                    )));
                }
                Ok(item)
            }
        }

        deserializer.deserialize_map(ItemVisitor)
    }
}

impl Serialize for Item {
    /// As written: a mapping with one key, `indicator:`, `section:` or `info:`.
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(1))?;
        match self {
            Item::Indicator(indicator) => map.serialize_entry("indicator", indicator)?,
            Item::Section(section) => map.serialize_entry("section", section)?,
            Item::Info(info) => map.serialize_entry("info", info)?,
        }
        map.end()
    }
}

/// Text an assessor reads at its place in the checklist; never answered, never scored.
#[derive(Debug, Clone, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Info {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// The source's own code for it.
    #[serde(default, rename = "ref", skip_serializing_if = "Option::is_none")]
    pub ref_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<Text>,
    pub text: Text,
    #[serde(default, skip_serializing_if = "ScopeIds::is_empty")]
    pub scopes: ScopeIds,
    /// Its tags with the ones it inherits (filled by [`normalize`]).
    #[serde(skip)]
    pub effective_scopes: ScopeIds,
}

/// A section's child, in order: an index into its `indicators`, `sections` or `infos`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Slot {
    Indicator(usize),
    Section(usize),
    Info(usize),
}

/// A section's child, borrowed: what [`Section::children`] walks.
#[derive(Debug, Clone, Copy)]
pub enum Child<'a> {
    Indicator(&'a Indicator),
    Section(&'a Section),
    Info(&'a Info),
}

impl Section {
    /// Its indicators, sub-sections and informational items in the checklist's order.
    pub fn children(&self) -> impl Iterator<Item = Child<'_>> {
        self.layout.iter().map(|slot| match *slot {
            Slot::Indicator(i) => Child::Indicator(&self.indicators[i]),
            Slot::Section(i) => Child::Section(&self.sections[i]),
            Slot::Info(i) => Child::Info(&self.infos[i]),
        })
    }
}

/// Fills in what parsing leaves open: every section's contents in order, assessable sections'
/// own answers, and inherited scope tags.
pub fn normalize(doc: &mut ChecklistDoc) {
    let dimensions = doc.scopes.clone();
    for section in &mut doc.sections {
        normalize_section(section, &dimensions, &ScopeIds::default());
    }
}

fn normalize_section(section: &mut Section, dimensions: &UniqueMap<ScopeDimension>, parent: &ScopeIds) {
    section.effective_scopes = inherit(dimensions, &section.scopes, parent);
    let tags = section.effective_scopes.clone();
    if section.items.is_empty() {
        section.layout = (0..section.indicators.len())
            .map(Slot::Indicator)
            .chain((0..section.sections.len()).map(Slot::Section))
            .collect();
    } else {
        section.written_as_items = true;
        for item in std::mem::take(&mut section.items) {
            let slot = match item {
                Item::Indicator(indicator) => {
                    section.indicators.push(*indicator);
                    Slot::Indicator(section.indicators.len() - 1)
                }
                Item::Section(child) => {
                    section.sections.push(*child);
                    Slot::Section(section.sections.len() - 1)
                }
                Item::Info(info) => {
                    section.infos.push(*info);
                    Slot::Info(section.infos.len() - 1)
                }
            };
            section.layout.push(slot);
        }
    }
    if let Some(own) = &mut section.assessable {
        own.id = section.id.clone();
        if own.text.is_blank() {
            own.text = section.title.clone();
        }
        own.effective_scopes = inherit(dimensions, &own.scopes, &tags);
    }
    for indicator in &mut section.indicators {
        indicator.effective_scopes = inherit(dimensions, &indicator.scopes, &tags);
    }
    for info in &mut section.infos {
        info.effective_scopes = inherit(dimensions, &info.scopes, &tags);
    }
    for child in &mut section.sections {
        normalize_section(child, dimensions, &tags);
    }
}

/// The paths of sections that give `items:` together with `indicators:` or `sections:`.
pub fn mixed_sections(sections: &[Section], parent: &str) -> Vec<String> {
    let mut out = Vec::new();
    mixed_under(sections, parent, "sections", &mut out);
    out
}

fn mixed_under(sections: &[Section], parent: &str, key: &str, out: &mut Vec<String>) {
    for section in sections {
        let path = format!("{parent}{key}[{}]", section.id);
        let listed = !section.indicators.is_empty() || !section.sections.is_empty();
        if !section.items.is_empty() && listed {
            out.push(path.clone());
        }
        mixed_under(&section.sections, &format!("{path}."), "sections", out);
        for item in &section.items {
            if let Item::Section(child) = item {
                mixed_under(std::slice::from_ref(child), &format!("{path}."), "items", out);
            }
        }
    }
}

/// Reads an assessable section's `assessable:`, an indicator without `id` (it takes the
/// section's) and whose `text` defaults to the section's title.
pub fn own_answer<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<Indicator>, D::Error> {
    struct OwnVisitor;

    impl<'de> Visitor<'de> for OwnVisitor {
        type Value = Option<Indicator>;

        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("an indicator's keys without `id`")
        }

        fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
            let with_placeholders = Placeholders {
                inner: map,
                seen_text: false,
                pending: None,
                done: false,
            };
            Indicator::deserialize(de::value::MapAccessDeserializer::new(with_placeholders)).map(Some)
        }
    }

    deserializer.deserialize_map(OwnVisitor)
}

/// A mapping with `id: ""` added after its last key (and `text: ""` when it has none), so that
/// an assessable section's answer reads as an indicator; [`normalize`] replaces both. A written
/// `id` is refused, being unknown here.
struct Placeholders<A> {
    inner: A,
    seen_text: bool,
    pending: Option<&'static str>,
    done: bool,
}

impl<'de, A: MapAccess<'de>> MapAccess<'de> for Placeholders<A> {
    type Error = A::Error;

    fn next_key_seed<K: de::DeserializeSeed<'de>>(&mut self, seed: K) -> Result<Option<K::Value>, A::Error> {
        if !self.done {
            let key: Option<String> = self.inner.next_key()?;
            match key.as_deref() {
                Some("id") => {
                    return Err(de::Error::custom(
                        "unknown field `id`: an assessable section's answer takes the section's own id",
                    ));
                }
                Some(key) => {
                    self.seen_text |= key == "text";
                    return seed.deserialize(de::value::StrDeserializer::new(key)).map(Some);
                }
                None => self.done = true,
            }
            self.pending = Some("id");
        }
        match self.pending.take() {
            Some(key) => {
                if key == "id" && !self.seen_text {
                    self.seen_text = true;
                    self.pending = Some("text");
                }
                seed.deserialize(de::value::StrDeserializer::new(key)).map(Some)
            }
            None => Ok(None),
        }
    }

    fn next_value_seed<V: de::DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, A::Error> {
        if self.done {
            seed.deserialize(de::value::StrDeserializer::new(""))
        } else {
            self.inner.next_value_seed(seed)
        }
    }
}
